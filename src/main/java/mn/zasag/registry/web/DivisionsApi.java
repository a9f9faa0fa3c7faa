package mn.zasag.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Mongolia's administrative divisions: public reference data. */
@RestController
@RequestMapping("/api/v1/registry/divisions")
@Tag(name = "Registries")
class DivisionsApi {

    private final Divisions divisions;

    DivisionsApi(Divisions divisions) {
        this.divisions = divisions;
    }

    @PreAuthorize("permitAll()")
    @GetMapping
    @Operation(summary = "Administrative divisions: the capital and aimags, or the divisions of one (parent=code)")
    List<Division> list(@RequestParam(required = false) String parent) {
        return parent == null || parent.isBlank() ? divisions.topLevel() : divisions.children(parent.strip());
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{code}")
    @Operation(summary = "One administrative division by its code")
    Division one(@PathVariable String code) {
        return divisions.find(code).orElseThrow(() ->
                new ProblemException(HttpStatus.NOT_FOUND, "division_not_found", "No division with this code"));
    }
}
