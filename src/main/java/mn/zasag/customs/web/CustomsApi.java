package mn.zasag.customs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.customs.CustomsDebt;
import mn.zasag.customs.CustomsDebts;
import mn.zasag.customs.CustomsRecord;
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

/** Customs debts over REST: reads name their legal basis and are audited; the customs administration writes. */
@RestController
@RequestMapping("/api/v1/registry/customs")
@Tag(name = "Registries")
class CustomsApi {

    private final CustomsDebts customs;

    CustomsApi(CustomsDebts customs) {
        this.customs = customs;
    }

    @PreAuthorize("hasAuthority('CUSTOMS_READ')")
    @GetMapping("/debtors/{debtor}")
    @Operation(summary = "A person's or entity's customs debts, payments and status (audited; give the legal basis)",
            security = @SecurityRequirement(name = "bearer"))
    CustomsRecord debtor(@PathVariable String debtor,
                         @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                         @RequestParam(required = false) String legalBasis) {
        return customs.read(debtor, header != null ? header : legalBasis);
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @PostMapping("/debts")
    @Operation(summary = "Assess a customs debt for a declaration (customs administration only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<CustomsDebt> assess(@AuthenticationPrincipal Actor me, @Valid @RequestBody DebtBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(customs.assess(body.debtor(), body.declaration(),
                body.amount(), body.assessedOn(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @PostMapping("/debts/{id}/payments")
    @Operation(summary = "Record a payment on a customs debt; more than is owed is refused",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<CustomsDebt> pay(@AuthenticationPrincipal Actor me, @PathVariable long id,
                                    @Valid @RequestBody PaymentBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(customs.pay(id, body.amount(), body.paidOn(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me")
    @Operation(summary = "The caller's own customs debts (citizens)", security = @SecurityRequirement(name = "bearer"))
    CustomsRecord mine(@AuthenticationPrincipal Actor me) {
        return customs.own(me.login());
    }

    record DebtBody(@NotNull String debtor, @NotNull String declaration, @NotNull BigDecimal amount, LocalDate assessedOn,
                    @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record PaymentBody(@NotNull BigDecimal amount, LocalDate paidOn, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }
}
