package mn.zasag.tax.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.tax.TaxAccount;
import mn.zasag.tax.TaxEntry;
import mn.zasag.tax.TaxProblem;
import mn.zasag.tax.TaxRegistry;
import mn.zasag.tax.TaxType;
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

/**
 * The tax registry over REST: taxpayers, their ledger, and the "no tax debt" statement. Reads name their
 * legal basis and are audited; writes are for the tax authority's officers.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class TaxApi {

    private final TaxRegistry tax;

    TaxApi(TaxRegistry tax) {
        this.tax = tax;
    }

    @PreAuthorize("hasAuthority('TAX_READ')")
    @GetMapping("/taxpayers/{taxpayer}")
    @Operation(summary = "A taxpayer (register number or entity number) with their ledger and balance (audited)",
            security = @SecurityRequirement(name = "bearer"))
    TaxAccount taxpayer(@PathVariable String taxpayer,
                        @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                        @RequestParam(required = false) String legalBasis) {
        return tax.read(taxpayer, header != null ? header : legalBasis);
    }

    @PreAuthorize("hasAuthority('TAX_READ')")
    @GetMapping("/taxpayers/{taxpayer}/statement")
    @Operation(summary = "The \"no tax debt\" statement: whether the taxpayer owes nothing today (audited)",
            security = @SecurityRequirement(name = "bearer"))
    Statement statement(@PathVariable String taxpayer,
                        @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                        @RequestParam(required = false) String legalBasis) {
        return Statement.of(tax.read(taxpayer, header != null ? header : legalBasis));
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @PostMapping("/taxpayers")
    @Operation(summary = "Register a taxpayer with their tax office (tax authority only)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<TaxAccount> register(@AuthenticationPrincipal Actor me, @Valid @RequestBody TaxpayerBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tax.registerTaxpayer(body.taxpayer(), body.office(), body.registeredOn(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @PostMapping("/taxpayers/{taxpayer}/entries")
    @Operation(summary = "Record an assessed debt or a payment; a payment above the debt of its tax type is refused",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<TaxEntry> entry(@AuthenticationPrincipal Actor me, @PathVariable String taxpayer,
                                   @Valid @RequestBody EntryBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tax.recordEntry(taxpayer, body.type(), body.taxType(),
                body.amount(), body.occurredOn(), body.reference(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me/tax")
    @Operation(summary = "The caller's own tax account and \"no tax debt\" status (citizens)",
            security = @SecurityRequirement(name = "bearer"))
    TaxAccount mine(@AuthenticationPrincipal Actor me) {
        return tax.own(me.login()).orElseThrow(TaxProblem::notFound);
    }

    record Statement(Party taxpayer, boolean noDebt, BigDecimal balance, LocalDate asOf) {
        static Statement of(TaxAccount account) {
            return new Statement(account.taxpayer(), account.noDebt(), account.balance(), account.asOf());
        }
    }

    record TaxpayerBody(@NotNull String taxpayer, @NotNull String office, LocalDate registeredOn,
                        @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record EntryBody(@NotNull TaxEntry.Type type, @NotNull TaxType taxType, @NotNull BigDecimal amount, LocalDate occurredOn,
                     @Size(max = 100) String reference, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }
}
