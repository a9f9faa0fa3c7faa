package mn.zasag.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.feedback.internal.Open311Keys;
import mn.zasag.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Open311 API keys over REST, for platform admins and CITA's agency admins. Refusals: {@code feedback_key_client_invalid},
 * {@code feedback_key_unknown} (422), {@code feedback_not_your_agency} (403).
 */
@RestController
@RequestMapping("/api/v1/feedback/open311-keys")
@Tag(name = "11-11 centre")
class Open311KeysApi {

    record NewKey(String client) {
    }

    private final Open311Keys keys;

    Open311KeysApi(Open311Keys keys) {
        this.keys = keys;
    }

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @GetMapping
    @Operation(summary = "The Open311 API keys issued (never their values)", security = @SecurityRequirement(name = "bearer"))
    List<Open311Keys.KeyInfo> list(@AuthenticationPrincipal Actor me) {
        return keys.all(me);
    }

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @PostMapping
    @Operation(summary = "Issue a key for a client; its value is in this answer only", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Open311Keys.Issued> issue(@AuthenticationPrincipal Actor me, @RequestBody NewKey request) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(keys.issue(request.client(), me));
    }

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key", security = @SecurityRequirement(name = "bearer"))
    void revoke(@AuthenticationPrincipal Actor me, @PathVariable long id) {
        keys.revoke(id, me);
    }
}
