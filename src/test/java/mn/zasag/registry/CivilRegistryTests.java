package mn.zasag.registry;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static mn.zasag.registry.RegistryFixtures.LEGAL_BASIS;
import static mn.zasag.registry.RegistryFixtures.actor;
import static mn.zasag.registry.RegistryFixtures.adult;
import static mn.zasag.registry.RegistryFixtures.person;
import static mn.zasag.registry.RegistryFixtures.registerNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class CivilRegistryTests {

    @Autowired
    CivilRegistry registry;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    final Actor registrar = actor("registrar-test", CivilRegistry.OWNER_AGENCY);

    @BeforeEach
    void registrationAuthorityExists() {
        RegistryFixtures.ensureRegistrationAuthority(agencies);
    }

    @Test
    void aRegisteredBirthIsAPersonWithItsBirthEventAndAnAuditEntry() {
        String rn = registerNumber(LocalDate.of(2001, 3, 5), Sex.FEMALE);

        Person person = registry.register(person(rn, "Дорж", "Сарнай"), registrar);

        assertThat(person.birthDate()).isEqualTo(LocalDate.of(2001, 3, 5));
        assertThat(person.sex()).isEqualTo(Sex.FEMALE);
        assertThat(registry.history(rn)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(CivilEventType.BIRTH);
            assertThat(event.registrar()).isEqualTo("registrar-test");
            assertThat(event.registrarAgency()).isEqualTo("GASR");
            assertThat(event.legalBasis()).isEqualTo(LEGAL_BASIS);
        });
        assertThat(auditEntries("registry.person.registered", rn)).isEqualTo(1);
    }

    @Test
    void aSecondPersonWithTheSameRegisterNumberIsRefused() {
        String rn = registerNumber(LocalDate.of(1985, 7, 1), Sex.MALE);
        registry.register(person(rn, "Дорж", "Бат"), registrar);

        assertThatThrownBy(() -> registry.register(person(rn, "Өөр", "Хүн"), registrar))
                .isInstanceOf(PersonAlreadyRegistered.class).hasFieldOrPropertyWithValue("code", "person_exists");
        assertThat(registry.history(rn)).hasSize(1);
    }

    @Test
    void aBirthDateThatDiffersFromTheRegisterNumberIsRefusedAndNothingIsWritten() {
        String rn = registerNumber(LocalDate.of(1985, 7, 2), Sex.MALE);
        NewPerson p = person(rn, "Дорж", "Бат");
        NewPerson wrongDate = new NewPerson(p.registerNumber(), null, null, "Дорж", "Бат", null,
                LocalDate.of(1985, 7, 3), null, "MNG", null, null, null, LEGAL_BASIS);

        assertThatThrownBy(() -> registry.register(wrongDate, registrar))
                .isInstanceOf(CivilEventRefused.class).hasFieldOrPropertyWithValue("code", "birth_date_mismatch");
        assertThat(registry.exists(rn)).isFalse();
    }

    @Test
    void anUnknownDivisionIsRefused() {
        String rn = registerNumber(LocalDate.of(1985, 7, 4), Sex.MALE);
        NewPerson p = person(rn, "Дорж", "Бат");
        NewPerson nowhere = new NewPerson(p.registerNumber(), null, null, "Дорж", "Бат", null, p.birthDate(), "9999",
                "MNG", null, null, null, LEGAL_BASIS);

        assertThatThrownBy(() -> registry.register(nowhere, registrar))
                .hasFieldOrPropertyWithValue("code", "division_unknown");
        assertThat(registry.exists(rn)).isFalse();
    }

    @Test
    void aDeathBeforeBirthIsRefused() {
        Person p = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);

        assertThatThrownBy(() -> registry.record(p.registerNumber(),
                NewCivilEvent.death(p.birthDate().minusDays(1), LEGAL_BASIS), registrar))
                .isInstanceOf(CivilEventRefused.class).hasFieldOrPropertyWithValue("code", "event_before_birth");
        assertThat(registry.read(p.registerNumber(), "test").deathDate()).isNull();
    }

    @Test
    void noEventIsRegisteredAfterDeath() {
        Person p = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);
        registry.record(p.registerNumber(), NewCivilEvent.death(LocalDate.of(2020, 1, 1), LEGAL_BASIS), registrar);

        assertThatThrownBy(() -> registry.record(p.registerNumber(),
                NewCivilEvent.addressChange(LocalDate.of(2021, 1, 1), LEGAL_BASIS, "1110", null), registrar))
                .hasFieldOrPropertyWithValue("code", "person_deceased");
        assertThatThrownBy(() -> registry.record(p.registerNumber(),
                NewCivilEvent.death(LocalDate.of(2021, 1, 1), LEGAL_BASIS), registrar))
                .hasFieldOrPropertyWithValue("code", "person_deceased");
        assertThat(registry.history(p.registerNumber())).extracting(CivilEvent::type)
                .containsExactly(CivilEventType.BIRTH, CivilEventType.DEATH);
    }

    @Test
    void aMarriageLinksBothPersonsAndIsInBothHistories() {
        Person man = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);
        Person woman = registry.register(adult(Sex.FEMALE, "Пүрэв", "Сараа"), registrar);

        registry.record(man.registerNumber(), NewCivilEvent.marriage(LocalDate.of(2010, 6, 1), LEGAL_BASIS,
                woman.registerNumber()), registrar);

        assertThat(registry.read(man.registerNumber(), "test").spouse()).isEqualTo(woman.registerNumber());
        assertThat(registry.read(woman.registerNumber(), "test").spouse()).isEqualTo(man.registerNumber());
        assertThat(registry.history(woman.registerNumber())).extracting(CivilEvent::type, CivilEvent::otherParty)
                .contains(org.assertj.core.groups.Tuple.tuple(CivilEventType.MARRIAGE, man.registerNumber()));
    }

    @Test
    void aMinorCannotMarryAndNeitherPersonIsChanged() {
        Person adult = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);
        LocalDate seventeen = LocalDate.now().minusYears(17);
        Person minor = registry.register(person(registerNumber(seventeen, Sex.FEMALE), "Пүрэв", "Жаргал"), registrar);

        assertThatThrownBy(() -> registry.record(adult.registerNumber(),
                NewCivilEvent.marriage(LocalDate.now().minusDays(1), LEGAL_BASIS, minor.registerNumber()), registrar))
                .hasFieldOrPropertyWithValue("code", "marriage_minor");
        assertThat(registry.read(adult.registerNumber(), "test").spouse()).isNull();
        assertThat(registry.history(minor.registerNumber())).hasSize(1);
        assertThat(registry.history(adult.registerNumber())).hasSize(1);
    }

    @Test
    void aMarriedPersonCannotMarryAgainUntilDivorced() {
        Person man = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);
        Person wife = registry.register(adult(Sex.FEMALE, "Пүрэв", "Сараа"), registrar);
        Person other = registry.register(adult(Sex.FEMALE, "Баасан", "Цэцэг"), registrar);
        registry.record(man.registerNumber(), NewCivilEvent.marriage(LocalDate.of(2010, 6, 1), LEGAL_BASIS,
                wife.registerNumber()), registrar);

        assertThatThrownBy(() -> registry.record(other.registerNumber(),
                NewCivilEvent.marriage(LocalDate.of(2012, 6, 1), LEGAL_BASIS, man.registerNumber()), registrar))
                .hasFieldOrPropertyWithValue("code", "already_married");
        assertThat(registry.read(other.registerNumber(), "test").spouse()).isNull();
        assertThat(registry.history(other.registerNumber())).hasSize(1);

        registry.record(wife.registerNumber(), NewCivilEvent.divorce(LocalDate.of(2013, 1, 1), LEGAL_BASIS), registrar);
        registry.record(other.registerNumber(), NewCivilEvent.marriage(LocalDate.of(2014, 6, 1), LEGAL_BASIS,
                man.registerNumber()), registrar);
        assertThat(registry.read(man.registerNumber(), "test").spouse()).isEqualTo(other.registerNumber());
        assertThat(registry.read(wife.registerNumber(), "test").spouse()).isNull();
    }

    @Test
    void aDivorceNeedsAMarriage() {
        Person single = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);

        assertThatThrownBy(() -> registry.record(single.registerNumber(),
                NewCivilEvent.divorce(LocalDate.of(2013, 1, 1), LEGAL_BASIS), registrar))
                .hasFieldOrPropertyWithValue("code", "not_married");
    }

    @Test
    void anAddressChangeUpdatesThePersonAndKeepsThePreviousAddressInHistory() {
        Person p = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);

        registry.record(p.registerNumber(), NewCivilEvent.addressChange(LocalDate.of(2022, 3, 1), LEGAL_BASIS,
                "8301", "Өлгий сум, 3-р баг"), registrar);

        Person moved = registry.read(p.registerNumber(), "test");
        assertThat(moved.addressDivision()).isEqualTo("8301");
        assertThat(moved.addressLine()).isEqualTo("Өлгий сум, 3-р баг");
        assertThat(registry.history(p.registerNumber())).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CivilEventType.ADDRESS_CHANGE);
            assertThat(e.details()).containsEntry("previous_division", "1110").containsEntry("address_division", "8301");
        });
    }

    @Test
    void aNameChangeAndAnIdCardAreRecordedAndTheNewNameIsFound() {
        Person p = registry.register(adult(Sex.FEMALE, "Дорж", "Сараа"), registrar);

        registry.record(p.registerNumber(), NewCivilEvent.nameChange(LocalDate.of(2020, 1, 1), LEGAL_BASIS, null,
                null, "Щүрэнцэцэг"), registrar);
        registry.record(p.registerNumber(), NewCivilEvent.idCard(LocalDate.of(2020, 2, 1), LEGAL_BASIS,
                "8" + p.registerNumber().substring(2)), registrar);

        assertThat(registry.search("Shurentsetseg", "test", 10)).extracting(Person::registerNumber).contains(p.registerNumber());
        assertThat(registry.search("8" + p.registerNumber().substring(2), "test", 10)).extracting(Person::registerNumber)
                .containsExactly(p.registerNumber());
    }

    @Test
    void anOfficerOfAnotherAgencyCannotWriteAndTheAttemptIsAudited() {
        String rn = registerNumber(LocalDate.of(1991, 2, 3), Sex.MALE);
        Actor police = actor("police-officer", "POLICE");

        assertThatThrownBy(() -> registry.register(person(rn, "Дорж", "Бат"), police))
                .isInstanceOf(NotRegistryOwner.class).hasFieldOrPropertyWithValue("code", "registry_owner_only");
        assertThat(registry.exists(rn)).isFalse();
        assertThat(auditEntries("registry.write.denied", rn)).isEqualTo(1);
    }

    @Test
    void namesAreFoundInCyrillicOrLatinInAnyCase() {
        Person p = registry.register(adult(Sex.MALE, "Щагдарсүрэн", "Бат-Эрдэнэ"), registrar);

        for (String query : List.of("Бат-Эрдэнэ Щагдарсүрэн", "щагдарсүрэн", "Bat-Erdene Shagdarsuren", "SHAGDARSUREN baterdene")) {
            assertThat(registry.search(query, "test", 50)).as(query).extracting(Person::registerNumber)
                    .contains(p.registerNumber());
        }
        assertThat(registry.search("Щагдарсүрэн Цэцэг", "test", 50)).isEmpty();
    }

    @Test
    void readsAndSearchesWithoutALegalBasisAreRefused() {
        Person p = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);

        assertThatThrownBy(() -> registry.read(p.registerNumber(), " ")).isInstanceOf(LegalBasisRequired.class);
        assertThatThrownBy(() -> registry.search("Дорж", null, 10)).isInstanceOf(LegalBasisRequired.class);
        registry.read(p.registerNumber(), "Өргөдөл №77");
        assertThat(auditEntries("registry.person.read", p.registerNumber())).isEqualTo(1);
    }

    @Test
    void civilEventsCannotBeChangedOrDeleted() {
        Person p = registry.register(adult(Sex.MALE, "Дорж", "Бат"), registrar);

        assertThatThrownBy(() -> jdbc.sql("update registry.civil_event set legal_basis = 'x' where register_number = :rn")
                .param("rn", p.registerNumber()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from registry.civil_event where register_number = :rn")
                .param("rn", p.registerNumber()).update()).hasMessageContaining("append-only");
    }

    private long auditEntries(String action, String objectId) {
        return jdbc.sql("select count(*) from audit.entry where action = :a and object_id = :o")
                .param("a", action).param("o", objectId).query(Long.class).single();
    }
}
