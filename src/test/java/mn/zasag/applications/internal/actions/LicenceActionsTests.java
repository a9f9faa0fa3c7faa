package mn.zasag.applications.internal.actions;

import mn.zasag.ZasagTest;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.licences.DriverRecord;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import mn.zasag.licences.LicenceEvent;
import mn.zasag.licences.LicenceProblem;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static mn.zasag.applications.internal.actions.ServiceFixtures.action;
import static mn.zasag.applications.internal.actions.ServiceFixtures.actor;
import static mn.zasag.applications.internal.actions.ServiceFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class LicenceActionsTests {

    @Autowired
    List<ApprovalAction> actions;
    @Autowired
    CivilRegistry registry;
    @Autowired
    DrivingLicences licences;

    private final LocalDate today = LocalDate.now();

    /** A driver whose B card was issued {@code yearsAgo} years ago (and so ends in 10 - yearsAgo years). */
    private String driver(LocalDate issued, String... categories) {
        String rn = ServiceFixtures.adult(registry);
        licences.issue(rn, List.of(categories), issued, "Туршилт", actor("POLICE"));
        return rn;
    }

    @Test
    void renewingGivesANewNumberValidTenYearsAndReplacesTheOldCard() {
        String rn = driver(today.minusYears(10).plusMonths(2), "B", "C");
        String old = licences.current(rn).orElseThrow().number();
        ApprovalAction renew = action(actions, "licences.renew");
        var app = application("POLICE-DL-001", "POLICE", rn, "licenceNumber", old);
        assertThat(renew.obstacles(app)).isEmpty();

        Map<String, String> facts = renew.apply(app, actor("POLICE"));

        Licence card = licences.current(rn).orElseThrow();
        assertThat(card.number()).isNotEqualTo(old).isEqualTo(facts.get("fact.licenceNumber"));
        assertThat(card.validUntil()).isEqualTo(today.plusYears(10));
        assertThat(card.categories()).containsExactly("B", "C");
        assertThat(facts).containsEntry("fact.previousLicence", old);
        DriverRecord record = licences.own(rn);
        assertThat(record.licences()).filteredOn(l -> l.number().equals(old)).extracting(Licence::status)
                .containsExactly(Licence.Status.REPLACED);
        assertThat(record.history()).extracting(LicenceEvent::type).contains(LicenceEvent.Type.RENEWAL, LicenceEvent.Type.INVALIDATED);
    }

    @Test
    void aCardEndingInMoreThanSixMonthsIsNotRenewedAndWithoutACardThereIsNothingToRenew() {
        String rn = driver(today.minusYears(2), "B");
        var app = application("POLICE-DL-001", "POLICE", rn);
        assertThat(action(actions, "licences.renew").obstacles(app)).containsExactly("obstacle.renewal_too_early");
        assertThatThrownBy(() -> action(actions, "licences.renew").apply(app, actor("POLICE")))
                .isInstanceOf(LicenceProblem.class).hasMessageContaining("renewal_too_early");

        String none = ServiceFixtures.adult(registry);
        assertThat(action(actions, "licences.renew").obstacles(application("POLICE-DL-001", "POLICE", none)))
                .containsExactly("obstacle.no_driving_licence");
    }

    @Test
    void aReplacedCardKeepsItsValidityAndTheLostNumberIsInvalidated() {
        String rn = driver(today.minusYears(3), "B");
        Licence lost = licences.current(rn).orElseThrow();

        Map<String, String> facts = action(actions, "licences.replace")
                .apply(application("POLICE-DL-002", "POLICE", rn, "reason", "LOST"), actor("POLICE"));

        Licence card = licences.current(rn).orElseThrow();
        assertThat(card.number()).isNotEqualTo(lost.number());
        assertThat(card.validUntil()).isEqualTo(lost.validUntil());
        assertThat(facts).containsEntry("fact.invalidatedLicence", lost.number());
        assertThatThrownBy(() -> action(actions, "licences.replace")
                .apply(application("POLICE-DL-002", "POLICE", rn, "reason", "LOST"), actor("GASR")))
                .isInstanceOf(LicenceProblem.class).hasMessageContaining("licences_owner_only");
    }

    @Test
    void aCategoryIsAddedOnlyAfterAPassedTest() {
        String rn = driver(today.minusYears(1), "B");
        ApprovalAction add = action(actions, "licences.add-category");
        var failed = application("POLICE-DL-003", "POLICE", rn, "category", "D", "decision.testPassed", "no");
        assertThatThrownBy(() -> add.apply(failed, actor("POLICE"))).isInstanceOf(ActionRefused.class)
                .hasMessageContaining("driving_test_not_passed");
        assertThat(licences.current(rn).orElseThrow().categories()).containsExactly("B");

        add.apply(application("POLICE-DL-003", "POLICE", rn, "category", "D", "decision.testPassed", "yes",
                "decision.testDate", today.minusDays(2).toString()), actor("POLICE"));

        assertThat(licences.current(rn).orElseThrow().categories()).containsExactly("B", "D");
        assertThat(add.obstacles(application("POLICE-DL-003", "POLICE", rn, "category", "D")))
                .containsExactly("obstacle.category_held");
    }

    @Test
    void categoryERequiresACarLorryOrBusCategory() {
        String rn = driver(today.minusYears(1), "A");
        assertThatThrownBy(() -> action(actions, "licences.add-category").apply(application("POLICE-DL-003", "POLICE", rn,
                "category", "E", "decision.testPassed", "yes"), actor("POLICE")))
                .isInstanceOf(LicenceProblem.class).hasMessageContaining("category_requires_b");
    }

    @Test
    void anInternationalPermitIsValidAYearButNotBeyondTheCard() {
        String rn = driver(today.minusYears(10).plusMonths(3), "B");
        Map<String, String> facts = action(actions, "licences.international-permit")
                .apply(application("POLICE-DL-004", "POLICE", rn, "country", "Япон"), actor("POLICE"));

        assertThat(facts.get("fact.permitNumber")).startsWith("ОУ");
        assertThat(LocalDate.parse(facts.get("fact.permitValidUntil"))).isEqualTo(licences.current(rn).orElseThrow().validUntil());
        assertThat(licences.own(rn).permits()).hasSize(1);
    }

    @Test
    void anExpiredCardGetsNoInternationalPermit() {
        String rn = driver(today.minusYears(11), "B");
        assertThat(action(actions, "licences.international-permit").obstacles(application("POLICE-DL-004", "POLICE", rn)))
                .containsExactly("obstacle.driving_licence_expired");
        assertThatThrownBy(() -> action(actions, "licences.international-permit")
                .apply(application("POLICE-DL-004", "POLICE", rn), actor("POLICE"))).isInstanceOf(LicenceProblem.class);
    }

    @Test
    void theDrivingTestIsBookedOnAWorkingDayFromTheDayAskedFor() {
        String rn = ServiceFixtures.person(registry, LocalDate.of(2004, 6, 1), Sex.FEMALE, "1122");
        LocalDate day = today.plusDays(30);

        Map<String, String> facts = action(actions, "licences.book-exam").apply(application("POLICE-DL-005", "POLICE", rn,
                "category", "B", "part", "THEORY", "centre", "DARKHAN-EXAM", "preferredDate", day.toString()), null);

        LocalDate booked = LocalDate.parse(facts.get("fact.date"));
        assertThat(booked).isAfterOrEqualTo(day);
        assertThat(booked.getDayOfWeek().getValue()).isLessThan(6);
        assertThat(licences.bookings(rn)).hasSize(1);
    }

    @Test
    void aMinorCannotBookTheDrivingTest() {
        String rn = ServiceFixtures.person(registry, today.minusYears(15), Sex.MALE, "1122");
        assertThatThrownBy(() -> action(actions, "licences.book-exam").apply(application("POLICE-DL-005", "POLICE", rn,
                "category", "B", "part", "THEORY", "centre", "UB-EXAM"), null))
                .isInstanceOf(LicenceProblem.class).hasMessageContaining("holder_too_young");
    }

    @Test
    void theDriverRecordListsTheCardAndRecentViolations() {
        String rn = driver(today.minusYears(4), "B");
        licences.recordViolation(rn, today.minusMonths(2), "14.7.1", "Хурд хэтрүүлсэн", new BigDecimal("50000"), actor("POLICE"));
        licences.recordViolation(rn, today.minusYears(5), "14.7.3", "Хуучин зөрчил", new BigDecimal("20000"), actor("POLICE"));

        Map<String, String> facts = action(actions, "licences.driver-record")
                .apply(application("POLICE-DL-006", "POLICE", rn, "purpose", "EMPLOYER"), null);

        assertThat(facts).containsEntry("fact.licenceStatus", "Хүчинтэй / Valid").containsEntry("fact.violations", "1").containsEntry("fact.fines", "50000.00")
                .containsEntry("fact.categories", "B");
        assertThat(facts.get("fact.violation.1")).contains("14.7.1");
    }
}
