package mn.zasag.socialinsurance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.shared.Actor;
import mn.zasag.socialinsurance.Contribution;
import mn.zasag.socialinsurance.InsuranceProblem;
import mn.zasag.socialinsurance.InsuranceRecord;
import mn.zasag.socialinsurance.SocialInsurance;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Social insurance contributions over REST: reads name their legal basis and are audited; GASI writes. */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class InsuranceApi {

    private final SocialInsurance insurance;

    InsuranceApi(SocialInsurance insurance) {
        this.insurance = insurance;
    }

    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_READ')")
    @GetMapping("/insured/{registerNumber}")
    @Operation(summary = "A person's social insurance contributions and insured months (audited; give the legal basis)",
            security = @SecurityRequirement(name = "bearer"))
    InsuranceRecord insured(@PathVariable String registerNumber,
                            @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                            @RequestParam(required = false) String legalBasis) {
        return insurance.read(registerNumber, header != null ? header : legalBasis);
    }

    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_WRITE')")
    @PostMapping("/insured/{registerNumber}/contributions")
    @Operation(summary = "Record one month's contribution by an employer (month as YYYY-MM; GASI only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Contribution> contribute(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber,
                                            @Valid @RequestBody ContributionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(insurance.contribute(registerNumber, body.employer(),
                month(body.month()), body.wage(), body.amount(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me/social-insurance")
    @Operation(summary = "The caller's own contributions (citizens)", security = @SecurityRequirement(name = "bearer"))
    InsuranceRecord mine(@AuthenticationPrincipal Actor me) {
        return insurance.own(me.login()).orElseThrow(InsuranceProblem::notFound);
    }

    /** {@code 2026-13} or {@code May} is not a month: the registry's own code rather than a parse error. */
    static YearMonth month(String text) {
        try {
            return text == null ? null : YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    record ContributionBody(@NotNull String employer, @NotNull String month, @NotNull BigDecimal wage,
                            @NotNull BigDecimal amount, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }
}
