package mn.zasag.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.registry.Person;
import mn.zasag.registry.PersonHistory;
import mn.zasag.registry.PersonNotFound;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The civil registry over REST. Reads name their legal basis in the {@code X-Legal-Basis} header (or the
 * {@code legalBasis} parameter) and are audited; writes are for the registration authority's officers.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class PersonsApi {

    static final String LEGAL_BASIS = "X-Legal-Basis";
    private final CivilRegistry registry;
    private final Clock clock;

    PersonsApi(CivilRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_READ')")
    @GetMapping("/persons/{registerNumber}")
    @Operation(summary = "A person by register number (audited; give the legal basis)", security = @SecurityRequirement(name = "bearer"))
    PersonRecord person(@PathVariable String registerNumber,
                        @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                        @RequestParam(required = false) String legalBasis) {
        PersonHistory read = registry.readWithHistory(registerNumber, header != null ? header : legalBasis);
        return new PersonRecord(read.person(), read.events());
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_READ')")
    @GetMapping("/persons")
    @Operation(summary = "Search persons by register number, ID card number or name (Cyrillic or Latin); audited",
            security = @SecurityRequirement(name = "bearer"))
    List<Person> search(@RequestParam String q,
                        @RequestHeader(name = LEGAL_BASIS, required = false) String header,
                        @RequestParam(required = false) String legalBasis,
                        @RequestParam(defaultValue = "20") int limit) {
        return registry.search(q, header != null ? header : legalBasis, limit);
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/persons")
    @Operation(summary = "Register a birth: the person and their BIRTH event (registration authority only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Person> register(@AuthenticationPrincipal Actor me, @Valid @RequestBody BirthBody body) {
        Person person = registry.register(new NewPerson(RegisterNumber.parse(body.registerNumber(), clock),
                body.civilId(), body.clanName(), body.familyName(), body.givenName(), body.sex(), body.birthDate(),
                body.birthPlace(), body.citizenship(), body.addressDivision(), body.addressLine(), body.phone(),
                body.legalBasis()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(person);
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/persons/{registerNumber}/events")
    @Operation(summary = "Register a civil event (marriage, divorce, address change, ID card, name change, death)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<CivilEvent> event(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber,
                                     @Valid @RequestBody EventBody body) {
        CivilEvent event = registry.record(registerNumber, new NewCivilEvent(body.type(), body.occurredOn(),
                body.legalBasis(), body.spouse(), body.divisionCode(), body.addressLine(), body.civilId(),
                body.clanName(), body.familyName(), body.givenName()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(event);
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me")
    @Operation(summary = "The caller's own civil registry record (citizens)", security = @SecurityRequirement(name = "bearer"))
    PersonRecord me(@AuthenticationPrincipal Actor me) {
        Person person = registry.own(me.login()).orElseThrow(PersonNotFound::new);
        return new PersonRecord(person, registry.history(person.registerNumber()));
    }

    record PersonRecord(Person person, List<CivilEvent> events) {
    }

    record BirthBody(@NotNull String registerNumber, String civilId, @Size(max = 100) String clanName,
                     @NotNull @Size(min = 1, max = 100) String familyName, @NotNull @Size(min = 1, max = 100) String givenName,
                     Sex sex, @NotNull LocalDate birthDate, String birthPlace, String citizenship,
                     String addressDivision, @Size(max = 300) String addressLine, String phone,
                     @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record EventBody(@NotNull CivilEventType type, @NotNull LocalDate occurredOn,
                     @NotNull @Size(min = 1, max = 300) String legalBasis, String spouse, String divisionCode,
                     @Size(max = 300) String addressLine, String civilId, @Size(max = 100) String clanName,
                     @Size(max = 100) String familyName, @Size(max = 100) String givenName) {
    }
}
