package mn.zasag.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The agencies of the state: public to read, platform admins register new ones. */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Catalogue")
class AgenciesApi {

    private final Agencies agencies;

    AgenciesApi(Agencies agencies) {
        this.agencies = agencies;
    }

    @PreAuthorize("permitAll()")
    @GetMapping
    @Operation(summary = "All agencies")
    List<Agency> all() {
        return agencies.all();
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{code}")
    @Operation(summary = "One agency by its code")
    ResponseEntity<Agency> one(@PathVariable String code) {
        return ResponseEntity.ok(agencies.find(code).orElseThrow(() -> new AgencyNotFound(code)));
    }

    @PreAuthorize("hasAuthority('AGENCIES_MANAGE')")
    @PostMapping
    @Operation(summary = "Register an agency", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Agency> register(@Valid @RequestBody NewAgency body) {
        Agency agency = agencies.register(new Agency(body.code(), body.nameMn(), body.nameEn()));
        return ResponseEntity.status(HttpStatus.CREATED).body(agency);
    }

    record NewAgency(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,15}$", message = "{agency.code.invalid}") String code,
            @NotBlank @Size(min = 2, max = 200) String nameMn,
            @NotBlank @Size(min = 2, max = 200) String nameEn) {
    }
}
