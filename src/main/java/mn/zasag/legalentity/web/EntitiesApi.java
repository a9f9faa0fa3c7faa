package mn.zasag.legalentity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.legalentity.EntityChange;
import mn.zasag.legalentity.EntityChangeType;
import mn.zasag.legalentity.EntityNotFound;
import mn.zasag.legalentity.EntityRefused;
import mn.zasag.legalentity.EntitySummary;
import mn.zasag.legalentity.Founder;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.legalentity.LegalForm;
import mn.zasag.legalentity.NewEntity;
import mn.zasag.legalentity.NewEntityChange;
import mn.zasag.legalentity.NonRegistrationReference;
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

import java.time.LocalDate;
import java.util.List;

/**
 * The legal entity registry over REST. Reads name their legal basis in the {@code X-Legal-Basis} header
 * (or the {@code legalBasis} parameter) and are audited; writes are for the registration authority's
 * officers; non-registration references are for officers, systems and citizens (about themselves).
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class EntitiesApi {

    private static final String LEGAL_BASIS = "X-Legal-Basis";
    private final LegalEntities entities;

    EntitiesApi(LegalEntities entities) {
        this.entities = entities;
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/entities/{registrationNumber}")
    @Operation(summary = "A legal entity by registration number, with its history (audited; give the legal basis)",
            security = @SecurityRequirement(name = "bearer"))
    EntityRecord entity(@PathVariable String registrationNumber,
                        @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                        @RequestParam(required = false) String legalBasis) {
        LegalEntity entity = entities.read(registrationNumber, header != null ? header : legalBasis);
        return new EntityRecord(entity, entities.history(entity.registrationNumber()));
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/entities")
    @Operation(summary = "Search legal entities by registration number or name (Cyrillic or Latin); audited",
            security = @SecurityRequirement(name = "bearer"))
    List<EntitySummary> search(@RequestParam String q, @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                               @RequestParam(required = false) String legalBasis,
                               @RequestParam(defaultValue = "20") int limit) {
        return entities.search(q, header != null ? header : legalBasis, limit);
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @PostMapping("/entities")
    @Operation(summary = "Register a legal entity with its founders and directors (registration authority only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<LegalEntity> register(@AuthenticationPrincipal Actor me, @Valid @RequestBody EntityBody body) {
        LegalEntity entity = entities.register(new NewEntity(body.registrationNumber(), body.nameMn(), body.nameEn(),
                body.legalForm(), body.addressDivision(), body.addressLine(), body.registeredOn(), body.founders(),
                body.directors(), body.legalBasis()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(entity);
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @PostMapping("/entities/{registrationNumber}/changes")
    @Operation(summary = "Register a change: name, address, founders, directors, suspension, reinstatement, liquidation",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<EntityChange> change(@AuthenticationPrincipal Actor me, @PathVariable String registrationNumber,
                                        @Valid @RequestBody ChangeBody body) {
        EntityChange change = entities.change(registrationNumber, new NewEntityChange(body.type(), body.occurredOn(),
                body.legalBasis(), body.nameMn(), body.nameEn(), body.addressDivision(), body.addressLine(),
                body.founders(), body.directors()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(change);
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/legal-forms")
    @Operation(summary = "The legal forms (ХХК, ХК, ТББ, …)")
    List<LegalForm> legalForms() {
        return entities.legalForms();
    }

    @PreAuthorize("hasAnyAuthority('ENTITY_REGISTRY_READ', 'MY_DATA')")
    @PostMapping("/non-registration-references")
    @Operation(summary = "Issue a non-registration reference: is this person a founder or director of any live entity, "
            + "or is this name registered? Give registerNumber or name. Citizens ask only about themselves.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<NonRegistrationReference> reference(@AuthenticationPrincipal Actor me, @RequestBody ReferenceBody body) {
        boolean person = body.registerNumber() != null && !body.registerNumber().isBlank();
        boolean name = body.name() != null && !body.name().isBlank();
        if (person == name) {
            throw new EntityRefused("reference_subject_invalid");
        }
        NonRegistrationReference reference = person ? entities.referenceForPerson(body.registerNumber(), me)
                : entities.referenceForName(body.name(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(reference);
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/non-registration-references/{number}")
    @Operation(summary = "Check an issued non-registration reference by its number", security = @SecurityRequirement(name = "bearer"))
    NonRegistrationReference checkReference(@PathVariable String number) {
        return entities.reference(number).orElseThrow(EntityNotFound::new);
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me/entities")
    @Operation(summary = "The legal entities the caller founds or directs (citizens)", security = @SecurityRequirement(name = "bearer"))
    List<LegalEntity> mine(@AuthenticationPrincipal Actor me) {
        return entities.ofPerson(me.login());
    }

    record EntityRecord(LegalEntity entity, List<EntityChange> changes) {
    }

    record EntityBody(@NotNull String registrationNumber, @NotNull @Size(min = 1, max = 200) String nameMn,
                      @Size(max = 200) String nameEn, @NotNull String legalForm, @NotNull String addressDivision,
                      @Size(max = 300) String addressLine, @NotNull LocalDate registeredOn, List<Founder> founders,
                      List<String> directors, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record ChangeBody(@NotNull EntityChangeType type, @NotNull LocalDate occurredOn,
                      @NotNull @Size(min = 1, max = 300) String legalBasis, @Size(max = 200) String nameMn,
                      @Size(max = 200) String nameEn, String addressDivision, @Size(max = 300) String addressLine,
                      List<Founder> founders, List<String> directors) {
    }

    record ReferenceBody(String registerNumber, String name) {
    }
}
