package mn.zasag.applications.internal.actions;

import mn.zasag.ZasagTest;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NotRegistryOwner;
import mn.zasag.registry.Person;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static mn.zasag.applications.internal.actions.ServiceFixtures.action;
import static mn.zasag.applications.internal.actions.ServiceFixtures.actor;
import static mn.zasag.applications.internal.actions.ServiceFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class CivilRegistrationActionsTests {

    @Autowired
    List<ApprovalAction> actions;
    @Autowired
    CivilRegistry registry;

    private Map<String, String> reference(String name, String service, String applicant) {
        return action(actions, name).apply(application(service, "GASR", applicant, "purpose", "BANK"), actor("GASR"));
    }

    @Test
    void theBirthReferenceStatesTheBirthAsRegistered() {
        String rn = ServiceFixtures.person(registry, LocalDate.of(1992, 7, 14), Sex.FEMALE, "1122");

        Map<String, String> facts = reference("registry.birth-reference", "GASR-CIV-001", rn);

        assertThat(facts).containsEntry("fact.registerNumber", rn).containsEntry("fact.birthDate", "1992-07-14")
                .containsEntry("fact.sex", "Эмэгтэй / Female").containsEntry("fact.citizenship", "MNG")
                .containsEntry("fact.birthRegistration", "Туршилт");
        assertThat(facts.get("fact.birthPlace")).isNotBlank().isNotEqualTo("6501");
    }

    @Test
    void theIdCardReferenceSaysNoneUntilACardIsIssuedThenItsNumberAndValidity() {
        String rn = ServiceFixtures.person(registry, LocalDate.of(1990, 3, 2), Sex.MALE, "1122");
        assertThat(reference("registry.id-card-reference", "GASR-CIV-002", rn)).containsEntry("fact.cardStatus", "Үнэмлэх олгоогүй / No card issued");

        registry.record(rn, NewCivilEvent.idCard(LocalDate.of(2016, 5, 1), "Өргөдөл №1", "7" + rn.substring(2, 10) + "01"),
                actor("GASR"));

        Map<String, String> facts = reference("registry.id-card-reference", "GASR-CIV-002", rn);
        // issued at 26: valid until the day before the 45th birthday
        assertThat(facts).containsEntry("fact.issuedOn", "2016-05-01").containsEntry("fact.validUntil", "2035-03-01")
                .containsEntry("fact.cardStatus", "Хүчинтэй / Valid");
    }

    @Test
    void theAddressReferenceNamesTheDivisionsAndSinceWhen() {
        String rn = ServiceFixtures.adult(registry);
        registry.record(rn, NewCivilEvent.addressChange(LocalDate.of(2024, 4, 1), "Шилжилт №3", "1122", "5-р хороо"), actor("GASR"));

        Map<String, String> facts = reference("registry.address-reference", "GASR-CIV-003", rn);

        assertThat(facts.get("fact.addressDivision")).contains("Хан-Уул");
        assertThat(facts).containsEntry("fact.addressLine", "5-р хороо").containsEntry("fact.livingSince", "2024-04-01");
    }

    @Test
    void theMaritalReferenceTellsNeverMarriedMarriedAndDivorcedApart() {
        String he = ServiceFixtures.person(registry, LocalDate.of(1988, 2, 2), Sex.MALE, "1122");
        String she = ServiceFixtures.person(registry, LocalDate.of(1989, 3, 3), Sex.FEMALE, "1122");
        assertThat(reference("registry.marital-reference", "GASR-CIV-004", he)).containsEntry("fact.maritalStatus", "Гэрлээгүй / Never married")
                .containsEntry("fact.marriages", "0");

        registry.record(he, NewCivilEvent.marriage(LocalDate.of(2015, 6, 20), "Гэрлэлтийн гэрчилгээ №5", she), actor("GASR"));
        assertThat(reference("registry.marital-reference", "GASR-CIV-004", she)).containsEntry("fact.maritalStatus", "Гэрлэсэн / Married")
                .containsEntry("fact.marriedOn", "2015-06-20");

        registry.record(he, NewCivilEvent.divorce(LocalDate.of(2021, 1, 10), "Шүүхийн шийдвэр №9"), actor("GASR"));
        assertThat(reference("registry.marital-reference", "GASR-CIV-004", he)).containsEntry("fact.maritalStatus", "Гэрлэлт цуцалсан / Divorced")
                .containsEntry("fact.divorcedOn", "2021-01-10");
    }

    @Test
    void replacingTheIdCardRecordsAnIdCardEventWithANewNumberAndTheReason() {
        String rn = ServiceFixtures.adult(registry);
        ApprovalAction replacement = action(actions, "registry.id-card-replacement");
        var app = application("GASR-CIV-005", "GASR", rn, "reason", "LOST", "lostOn", "2026-11-01");
        assertThat(replacement.obstacles(app)).isEmpty();

        Map<String, String> facts = replacement.apply(app, actor("GASR"));

        Person after = registry.own(rn).orElseThrow();
        assertThat(after.civilId()).isEqualTo(facts.get("fact.civilId")).hasSize(12);
        var event = registry.history(rn).stream().filter(e -> e.type() == CivilEventType.ID_CARD_ISSUE).reduce((a, b) -> b).orElseThrow();
        assertThat(event.legalBasis()).contains(app.reference()).contains("LOST");
        assertThat(event.registrarAgency()).isEqualTo("GASR");
    }

    @Test
    void anotherAgencyCannotReplaceAnIdCardAndADeadApplicantIsAnObstacle() {
        String rn = ServiceFixtures.adult(registry);
        var app = application("GASR-CIV-005", "GASR", rn, "reason", "DAMAGED");
        assertThatThrownBy(() -> action(actions, "registry.id-card-replacement").apply(app, actor("MRT")))
                .isInstanceOf(NotRegistryOwner.class);
        assertThat(registry.own(rn).orElseThrow().civilId()).isNull();

        ServiceFixtures.dies(registry, rn, LocalDate.of(2026, 1, 5));
        assertThat(action(actions, "registry.id-card-replacement").obstacles(app)).containsExactly("obstacle.person_deceased");
    }

    @Test
    void aChangeOfAddressRecordsTheMigrationEventOnTheDayOfTheMove() {
        String rn = ServiceFixtures.adult(registry);
        ApprovalAction change = action(actions, "registry.address-change");
        var same = application("GASR-CIV-006", "GASR", rn, "division", "1122", "addressLine", "1-р хороо, 2-р байр");
        assertThat(change.obstacles(same)).containsExactly("obstacle.address_unchanged");

        var app = application("GASR-CIV-006", "GASR", rn, "division", "1101", "addressLine", "3-р хороо, 7-р байр",
                "movedOn", "2026-10-15");
        assertThat(change.obstacles(app)).isEmpty();
        Map<String, String> facts = change.apply(app, actor("GASR"));

        Person after = registry.own(rn).orElseThrow();
        assertThat(after.addressDivision()).isEqualTo("1101");
        assertThat(after.addressLine()).isEqualTo("3-р хороо, 7-р байр");
        var move = registry.history(rn).stream().filter(e -> e.type() == CivilEventType.ADDRESS_CHANGE).findFirst().orElseThrow();
        assertThat(move.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(move.details()).containsEntry("previous_division", "1122");
        assertThat(facts.get("fact.previousDivision")).contains("Хан-Уул");
    }
}
