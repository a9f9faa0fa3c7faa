package mn.zasag.property.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.property.EncumbranceType;
import mn.zasag.property.NewEncumbrance;
import mn.zasag.property.NewProperty;
import mn.zasag.property.Owner;
import mn.zasag.property.Property;
import mn.zasag.property.PropertyChange;
import mn.zasag.property.PropertyRegistry;
import mn.zasag.property.PropertySummary;
import mn.zasag.property.Purpose;
import mn.zasag.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The property registry over REST. Reads name their legal basis ({@code X-Legal-Basis} header or
 * {@code legalBasis} parameter) and are audited; writes are for the registration authority's officers.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class PropertyApi {

    private static final String LEGAL_BASIS = "X-Legal-Basis";
    private final PropertyRegistry registry;

    PropertyApi(PropertyRegistry registry) {
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_READ')")
    @GetMapping("/properties/{certificateNumber}")
    @Operation(summary = "A property by certificate number, with owners, encumbrances and history (audited; give the legal basis)",
            security = @SecurityRequirement(name = "bearer"))
    PropertyRecord property(@PathVariable String certificateNumber,
                            @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                            @RequestParam(required = false) String legalBasis) {
        Property property = registry.read(certificateNumber, header != null ? header : legalBasis);
        return new PropertyRecord(property, registry.history(property.certificateNumber()));
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_READ')")
    @GetMapping("/properties")
    @Operation(summary = "Search properties by certificate number or by owner (register or registration number); audited",
            security = @SecurityRequirement(name = "bearer"))
    List<PropertySummary> search(@RequestParam String q, @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                                 @RequestParam(required = false) String legalBasis,
                                 @RequestParam(defaultValue = "20") int limit) {
        return registry.search(q, header != null ? header : legalBasis, limit);
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/properties")
    @Operation(summary = "Register a property right with its owners (registration authority only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Property> register(@AuthenticationPrincipal Actor me, @Valid @RequestBody PropertyBody body) {
        Property property = registry.register(new NewProperty(body.certificateNumber(), body.addressDivision(),
                body.addressLine(), body.area(), body.purpose(), body.registeredOn(), body.owners(), body.legalBasis()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(property);
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/properties/{certificateNumber}/transfers")
    @Operation(summary = "Register a transfer to new owners", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<PropertyChange> transfer(@AuthenticationPrincipal Actor me, @PathVariable String certificateNumber,
                                            @Valid @RequestBody TransferBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(registry.transfer(certificateNumber, body.owners(), body.occurredOn(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/properties/{certificateNumber}/encumbrances")
    @Operation(summary = "Register a mortgage or lien", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<PropertyChange> encumber(@AuthenticationPrincipal Actor me, @PathVariable String certificateNumber,
                                            @Valid @RequestBody EncumbranceBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.encumber(certificateNumber, new NewEncumbrance(
                body.type(), body.holderName(), body.holderEntity(), body.amount(), body.registeredOn(), body.legalBasis()), me));
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/properties/{certificateNumber}/encumbrances/{id}/release")
    @Operation(summary = "Release a mortgage or lien", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<PropertyChange> release(@AuthenticationPrincipal Actor me, @PathVariable String certificateNumber,
                                           @PathVariable long id, @Valid @RequestBody ReleaseBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(registry.release(certificateNumber, id, body.occurredOn(), body.legalBasis(), me));
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/property-purposes")
    @Operation(summary = "The purposes a property is registered for")
    List<Purpose> purposes() {
        return registry.purposes();
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me/properties")
    @Operation(summary = "The properties the caller owns a share of (citizens)", security = @SecurityRequirement(name = "bearer"))
    List<Property> mine(@AuthenticationPrincipal Actor me) {
        return registry.ofPerson(me.login());
    }

    record PropertyRecord(Property property, List<PropertyChange> changes) {
    }

    record PropertyBody(@NotNull String certificateNumber, @NotNull String addressDivision,
                        @Size(max = 300) String addressLine, @NotNull BigDecimal area, @NotNull String purpose,
                        @NotNull LocalDate registeredOn, List<Owner> owners,
                        @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record TransferBody(@NotNull LocalDate occurredOn, List<Owner> owners,
                        @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record EncumbranceBody(@NotNull EncumbranceType type, @NotNull @Size(min = 1, max = 200) String holderName,
                           String holderEntity, @NotNull BigDecimal amount, @NotNull LocalDate registeredOn,
                           @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record ReleaseBody(@NotNull LocalDate occurredOn, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }
}
