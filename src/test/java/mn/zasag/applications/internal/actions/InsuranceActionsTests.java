package mn.zasag.applications.internal.actions;

import mn.zasag.ZasagTest;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.legalentity.EntityFixtures;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber.Sex;
import mn.zasag.socialinsurance.InsuranceCoverage;
import mn.zasag.socialinsurance.InsuranceProblem;
import mn.zasag.socialinsurance.SocialInsurance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static mn.zasag.applications.internal.actions.ServiceFixtures.action;
import static mn.zasag.applications.internal.actions.ServiceFixtures.actor;
import static mn.zasag.applications.internal.actions.ServiceFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class InsuranceActionsTests {

    @Autowired
    List<ApprovalAction> actions;
    @Autowired
    CivilRegistry registry;
    @Autowired
    SocialInsurance insurance;
    @Autowired
    InsuranceCoverage coverage;
    @Autowired
    LegalEntities entities;

    private void contributions(String rn, String employer, int months) {
        YearMonth now = YearMonth.now();
        for (int m = months; m >= 1; m--) {
            insurance.contribute(rn, employer, now.minusMonths(m), new BigDecimal("2000000"), new BigDecimal("480000"),
                    "Туршилт", actor("GASI"));
        }
    }

    @Test
    void aVoluntaryContractEnrolsThePersonOnceAndNotBelowTheMinimumWage() {
        String rn = ServiceFixtures.adult(registry);
        ApprovalAction enrol = action(actions, "socialinsurance.enrol-voluntary");
        var low = application("GASI-SI-001", "GASI", rn, "category", "HERDER", "monthlyIncome", "500000");
        assertThatThrownBy(() -> enrol.apply(low, actor("GASI"))).isInstanceOf(InsuranceProblem.class)
                .hasMessageContaining("income_below_minimum");

        var app = application("GASI-SI-001", "GASI", rn, "category", "HERDER", "monthlyIncome", "1200000",
                "startDate", LocalDate.now().plusMonths(1).withDayOfMonth(1).toString());
        Map<String, String> facts = enrol.apply(app, actor("GASI"));

        assertThat(coverage.voluntaryContract(rn)).get().satisfies(c -> {
            assertThat(c.contractNumber()).isEqualTo(facts.get("fact.contractNumber"));
            assertThat(c.category()).isEqualTo("HERDER");
            assertThat(c.fromMonth()).isEqualTo(YearMonth.now().plusMonths(1));
        });
        assertThat(enrol.obstacles(app)).containsExactly("obstacle.voluntary_contract_exists");
        assertThatThrownBy(() -> enrol.apply(app, actor("GASI"))).isInstanceOf(InsuranceProblem.class)
                .hasMessageContaining("voluntary_contract_exists");
    }

    @Test
    void healthInsuranceRegistrationIssuesABookNumber() {
        String rn = ServiceFixtures.adult(registry);
        var app = application("GASI-SI-002", "GASI", rn, "category", "SELF_EMPLOYED", "startDate", LocalDate.now().toString());
        Map<String, String> facts = action(actions, "socialinsurance.register-health").apply(app, actor("GASI"));

        assertThat(facts.get("fact.healthBookNumber")).startsWith("ЭМД");
        assertThat(coverage.healthInsurance(rn)).isPresent();
        assertThat(action(actions, "socialinsurance.register-health").obstacles(app)).containsExactly("obstacle.health_insurance_exists");
        assertThatThrownBy(() -> action(actions, "socialinsurance.register-health").apply(app, actor("GASWS")))
                .isInstanceOf(InsuranceProblem.class).hasMessageContaining("insurance_owner_only");
    }

    @Test
    void theMaternityGrantNeedsTwelveMonthsOfContributions() {
        LegalEntity employer = EntityFixtures.entity(entities, registry);
        String mother = ServiceFixtures.person(registry, LocalDate.of(1994, 9, 9), Sex.FEMALE, "1122");
        contributions(mother, employer.registrationNumber(), 8);
        ApprovalAction grant = action(actions, "socialinsurance.grant-maternity");
        var app = application("GASI-SI-004", "GASI", mother, "dueDate", LocalDate.now().plusMonths(2).toString(),
                "decision.amount", "2400000", "decision.fromDate", LocalDate.now().toString(),
                "decision.untilDate", LocalDate.now().plusMonths(4).toString());
        assertThat(grant.obstacles(app)).containsExactly("obstacle.insured_months_too_few");
        assertThatThrownBy(() -> grant.apply(app, actor("GASI"))).isInstanceOf(InsuranceProblem.class)
                .hasMessageContaining("insured_months_too_few");

        String insured = ServiceFixtures.person(registry, LocalDate.of(1993, 8, 8), Sex.FEMALE, "1122");
        contributions(insured, employer.registrationNumber(), 14);
        var ok = application("GASI-SI-004", "GASI", insured, "decision.amount", "2400000",
                "decision.fromDate", LocalDate.now().toString(), "decision.untilDate", LocalDate.now().plusMonths(4).toString());
        assertThat(grant.obstacles(ok)).isEmpty();
        Map<String, String> facts = grant.apply(ok, actor("GASI"));

        assertThat(facts).containsEntry("fact.insuredMonths", "14").containsEntry("fact.benefitAmount", "2400000.00");
        assertThat(coverage.benefits(insured)).hasSize(1);
    }

    @Test
    void theContributionsStatementSumsTheRecord() {
        LegalEntity employer = EntityFixtures.entity(entities, registry);
        String rn = ServiceFixtures.adult(registry);
        contributions(rn, employer.registrationNumber(), 3);

        Map<String, String> facts = action(actions, "socialinsurance.contributions-statement")
                .apply(application("GASI-SI-006", "GASI", rn, "purpose", "BANK"), null);

        assertThat(facts).containsEntry("fact.insuredMonths", "3").containsEntry("fact.totalPaid", "1440000.00")
                .containsEntry("fact.lastMonth", YearMonth.now().minusMonths(1).toString());
        assertThat(facts.get("fact.employers")).contains(employer.registrationNumber());
        String none = ServiceFixtures.adult(registry);
        assertThat(action(actions, "socialinsurance.contributions-statement")
                .apply(application("GASI-SI-006", "GASI", none), null)).containsEntry("fact.insuredMonths", "0");
    }

    @Test
    void theEmployersDirectorReportsTheMonthAndEachLineBecomesAContribution() {
        LegalEntity employer = EntityFixtures.entity(entities, registry);
        String director = employer.directors().get(0).person();
        String a = ServiceFixtures.adult(registry);
        String b = ServiceFixtures.adult(registry);
        String month = YearMonth.now().minusMonths(1).atDay(1).toString();
        String lines = a + "; 2400000; 576000\n" + b + "; 1800000; 432000\n";
        ApprovalAction report = action(actions, "socialinsurance.employer-report");

        var byStranger = application("GASI-SI-007", "GASI", a, "entity", employer.registrationNumber(), "month", month, "lines", lines);
        assertThat(report.obstacles(byStranger)).containsExactly("obstacle.applicant_not_director");
        assertThatThrownBy(() -> report.apply(byStranger, actor("GASI"))).isInstanceOf(ActionRefused.class);
        assertThat(coverage.insuredMonths(a)).isZero();

        var app = application("GASI-SI-007", "GASI", director, "entity", employer.registrationNumber(), "month", month, "lines", lines);
        assertThat(report.obstacles(app)).isEmpty();
        Map<String, String> facts = report.apply(app, actor("GASI"));

        assertThat(facts).containsEntry("fact.insuredPersons", "2").containsEntry("fact.totalContributions", "1008000");
        assertThat(coverage.insuredMonths(a)).isEqualTo(1);
        assertThat(insurance.read(b, "Туршилт").contributions().get(0).employer()).isEqualTo(employer.registrationNumber());
    }

    @Test
    void aMalformedReportLineIsAnObstacleAndIsRefused() {
        LegalEntity employer = EntityFixtures.entity(entities, registry);
        String director = employer.directors().get(0).person();
        var app = application("GASI-SI-007", "GASI", director, "entity", employer.registrationNumber(),
                "month", YearMonth.now().minusMonths(1).atDay(1).toString(), "lines", "not a line");
        assertThat(action(actions, "socialinsurance.employer-report").obstacles(app)).containsExactly("obstacle.report_line_invalid");
        assertThatThrownBy(() -> action(actions, "socialinsurance.employer-report").apply(app, actor("GASI")))
                .isInstanceOf(ActionRefused.class).hasMessageContaining("report_line_invalid");
    }
}
