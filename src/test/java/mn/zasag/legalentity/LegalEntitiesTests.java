package mn.zasag.legalentity;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NotRegistryOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static mn.zasag.legalentity.EntityFixtures.LEGAL_BASIS;
import static mn.zasag.legalentity.EntityFixtures.registrar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class LegalEntitiesTests {

    @Autowired
    LegalEntities entities;
    @Autowired
    CivilRegistry civil;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registrationAuthority() {
        EntityFixtures.ensureRegistrationAuthority(agencies);
    }

    @Test
    void registersAnEntityThatOtherModulesThenFind() {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String b = EntityFixtures.person(civil, "Ганбат", "Сараа");
        String number = EntityFixtures.entityNumber(entities);

        LegalEntity entity = entities.register(EntityFixtures.entity(number, "Говийн Зөгий " + number,
                List.of(Founder.person(a, new BigDecimal("0.6")), Founder.person(b, new BigDecimal("0.4"))),
                List.of(b)), registrar());

        assertThat(entity.status()).isEqualTo(EntityStatus.ACTIVE);
        assertThat(entities.exists(number)).isTrue();
        assertThat(entities.exists("8" + "x".repeat(6))).isFalse();
        assertThat(entities.find(number)).get().satisfies(found -> {
            assertThat(found.founders()).extracting(Founder::person).containsExactly(a, b);
            assertThat(found.directors()).extracting(Director::person).containsExactly(b);
            assertThat(found.persons()).containsExactlyInAnyOrder(a, b);
        });
        assertThat(entities.history(number)).extracting(EntityChange::type).containsExactly(EntityChangeType.REGISTRATION);
    }

    @Test
    void theNumberIsSevenDigits() {
        assertThat(EntityNumber.isValid("2012345")).isTrue();
        assertThat(EntityNumber.isValid(" 2012345 ")).isTrue();
        assertThat(EntityNumber.isValid("201234")).isFalse();
        assertThat(EntityNumber.isValid("20123456")).isFalse();
        assertThat(EntityNumber.isValid("20123a5")).isFalse();
        assertThat(EntityNumber.isValid("２０１２３４５")).isFalse();
        assertThat(EntityNumber.isValid(null)).isFalse();
    }

    @Test
    void badInputWritesNothing() {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String number = EntityFixtures.entityNumber(entities);
        String ghost = EntityFixtures.registerNumber();

        assertRefused(() -> entities.register(EntityFixtures.entity("123", "Нэр", List.of(Founder.person(a, BigDecimal.ONE)), List.of(a)), registrar()),
                "entity_number_invalid");
        assertRefused(() -> entities.register(EntityFixtures.entity(number, "Нэр " + number,
                List.of(Founder.person(ghost, BigDecimal.ONE)), List.of(a)), registrar()), "founder_not_found");
        assertRefused(() -> entities.register(EntityFixtures.entity(number, "Нэр " + number,
                List.of(Founder.person(a, new BigDecimal("0.5"))), List.of(a)), registrar()), "shares_not_one");
        assertThatThrownBy(() -> entities.register(EntityFixtures.entity(number, "Нэр " + number,
                List.of(Founder.person(a, BigDecimal.ONE)), List.of(a)), EntityFixtures.actor("x", "POLICE")))
                .isInstanceOf(NotRegistryOwner.class);
        assertThat(entities.exists(number)).isFalse();
        assertThat(jdbc.sql("select count(*) from legalentity.founder where entity_number = :n").param("n", number)
                .query(Long.class).single()).isZero();

        LegalEntity e = EntityFixtures.entity(entities, civil);
        assertRefused(() -> entities.change(e.registrationNumber(), NewEntityChange.status(EntityChangeType.LIQUIDATION,
                e.registeredOn().minusDays(1), LEGAL_BASIS), registrar()), "liquidation_before_registration");
        assertThatThrownBy(() -> entities.register(EntityFixtures.entity(e.registrationNumber(), "Өөр нэр " + number,
                List.of(Founder.person(a, BigDecimal.ONE)), List.of(a)), registrar()))
                .isInstanceOf(EntityAlreadyRegistered.class).hasMessageContaining("entity_exists");
        assertThat(entities.find(e.registrationNumber()).orElseThrow().status()).isEqualTo(EntityStatus.ACTIVE);
        assertThat(entities.history(e.registrationNumber())).hasSize(1);
    }

    @Test
    void aLiquidatedEntityStaysLiquidated() {
        LegalEntity e = EntityFixtures.entity(entities, civil);
        entities.change(e.registrationNumber(), NewEntityChange.status(EntityChangeType.SUSPENSION, LocalDate.of(2020, 1, 1), LEGAL_BASIS), registrar());
        entities.change(e.registrationNumber(), NewEntityChange.status(EntityChangeType.LIQUIDATION, LocalDate.of(2021, 1, 1), LEGAL_BASIS), registrar());
        LegalEntity after = entities.find(e.registrationNumber()).orElseThrow();
        assertThat(after.status()).isEqualTo(EntityStatus.LIQUIDATED);
        assertThat(after.liquidatedOn()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertRefused(() -> entities.change(e.registrationNumber(), NewEntityChange.status(EntityChangeType.REINSTATEMENT,
                LocalDate.of(2022, 1, 1), LEGAL_BASIS), registrar()), "entity_liquidated");
        assertThat(entities.history(e.registrationNumber())).extracting(EntityChange::type)
                .containsExactly(EntityChangeType.REGISTRATION, EntityChangeType.SUSPENSION, EntityChangeType.LIQUIDATION);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(EntityRefused.class)
                .satisfies(t -> assertThat(((EntityRefused) t).code()).isEqualTo(code));
    }
}
