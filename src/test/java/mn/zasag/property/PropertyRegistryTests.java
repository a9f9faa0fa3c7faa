package mn.zasag.property;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.legalentity.EntityFixtures;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NotRegistryOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static mn.zasag.legalentity.EntityFixtures.registrar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class PropertyRegistryTests {

    private static final String BASIS = "Гэрээ №П-1";
    /** Certificates «Ү-99…», which the demo data never uses. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 90_000_000L);

    @Autowired
    PropertyRegistry registry;
    @Autowired
    LegalEntities entities;
    @Autowired
    CivilRegistry civil;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registrationAuthority() {
        EntityFixtures.ensureRegistrationAuthority(agencies);
    }

    static String certificate() {
        return "Ү-99" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
    }

    private NewProperty property(String number, List<Owner> owners) {
        return new NewProperty(number, "1110", "3-р хороо, 15-р байр, 4 тоот", new BigDecimal("62.5"), "RESIDENTIAL",
                LocalDate.of(2012, 8, 1), owners, BASIS);
    }

    @Test
    void certificateNumbersFollowTheFormatInTheData() {
        assertThat(registry.isValidCertificate("Ү-2204012345")).isTrue();
        assertThat(registry.isValidCertificate("ү 2204012345")).isTrue();
        assertThat(PropertyRegistry.canonical("ү2204012345")).isEqualTo("Ү-2204012345");
        assertThat(registry.isValidCertificate("Ү-220401234")).isFalse();
        assertThat(registry.isValidCertificate("U-2204012345")).isFalse();
        assertThat(registry.isValidCertificate("2204012345")).isFalse();
        assertThat(registry.isValidCertificate(null)).isFalse();
    }

    @Test
    void registersAPropertyOfAPersonAndAnEntityThenMortgagesReleasesAndTransfersIt() {
        String person = EntityFixtures.person(civil, "Болд", "Сараа");
        LegalEntity company = EntityFixtures.entity(entities, civil);
        String buyer = EntityFixtures.person(civil, "Дорж", "Анужин");
        String number = certificate();

        Property p = registry.register(property(number, List.of(Owner.person(person, new BigDecimal("0.5")),
                Owner.entity(company.registrationNumber(), new BigDecimal("0.5")))), registrar());
        assertThat(p.owners()).extracting(Owner::id).containsExactly(person, company.registrationNumber());

        registry.encumber(number, new NewEncumbrance(EncumbranceType.MORTGAGE, "Хаан банк", company.registrationNumber(),
                new BigDecimal("120000000"), LocalDate.of(2013, 1, 10), BASIS), registrar());
        assertThatThrownBy(() -> registry.transfer(number, List.of(Owner.person(buyer, BigDecimal.ONE)), LocalDate.of(2014, 1, 1), BASIS, registrar()))
                .isInstanceOf(PropertyRefused.class).hasMessageContaining("property_encumbered");
        long mortgage = registry.find(number).orElseThrow().encumbrances().get(0).id();
        registry.release(number, mortgage, LocalDate.of(2018, 1, 10), BASIS, registrar());
        registry.transfer(number, List.of(Owner.person(buyer, BigDecimal.ONE)), LocalDate.of(2019, 3, 3), BASIS, registrar());

        Property after = registry.find(number).orElseThrow();
        assertThat(after.persons()).containsExactly(buyer);
        assertThat(after.encumbrances()).singleElement().satisfies(e -> assertThat(e.releasedOn()).isEqualTo(LocalDate.of(2018, 1, 10)));
        assertThat(registry.history(number)).extracting(PropertyChange::type).containsExactly(PropertyChangeType.REGISTRATION,
                PropertyChangeType.ENCUMBRANCE_REGISTERED, PropertyChangeType.ENCUMBRANCE_RELEASED, PropertyChangeType.TRANSFER);
        assertThat(registry.history(number).get(3).details().get("previous_owners")).contains(person);
        assertThat(registry.ofPerson(buyer)).extracting(Property::certificateNumber).containsExactly(number);
        assertThat(registry.ofPerson(person)).isEmpty();
    }

    @Test
    void badInputWritesNothing() {
        String person = EntityFixtures.person(civil, "Болд", "Сараа");
        String number = certificate();
        assertRefused(() -> registry.register(property("Ү-12", List.of(Owner.person(person, BigDecimal.ONE))), registrar()),
                "certificate_number_invalid");
        assertRefused(() -> registry.register(property(number, List.of(Owner.person(EntityFixtures.registerNumber(), BigDecimal.ONE))), registrar()),
                "owner_not_found");
        assertRefused(() -> registry.register(property(number, List.of(Owner.entity("8999999", BigDecimal.ONE))), registrar()),
                "owner_not_found");
        assertRefused(() -> registry.register(property(number, List.of(Owner.person(person, new BigDecimal("0.4")))), registrar()),
                "owner_shares_not_one");
        assertThatThrownBy(() -> registry.register(property(number, List.of(Owner.person(person, BigDecimal.ONE))),
                EntityFixtures.actor("x", "GDT"))).isInstanceOf(NotRegistryOwner.class);
        assertThat(registry.find(number)).isEmpty();
        assertThat(jdbc.sql("select count(*) from property.owner where certificate_number = :n").param("n", number)
                .query(Long.class).single()).isZero();

        registry.register(property(number, List.of(Owner.person(person, BigDecimal.ONE))), registrar());
        assertThatThrownBy(() -> registry.register(property(number, List.of(Owner.person(person, BigDecimal.ONE))), registrar()))
                .isInstanceOf(PropertyAlreadyRegistered.class);
        assertRefused(() -> registry.transfer(number, List.of(Owner.person(person, BigDecimal.ONE)), LocalDate.of(2011, 1, 1), BASIS, registrar()),
                "change_before_registration");
        assertThat(registry.history(number)).hasSize(1);
    }

    @Test
    void theApiSearchesByOwnerAndAuditsTheReadForEachOwner() throws Exception {
        EntityFixtures.Staff officer = EntityFixtures.officer(accounts, tokens, PropertyRegistry.OWNER_AGENCY);
        String person = EntityFixtures.person(civil, "Болд", "Сараа");
        String number = certificate();
        mvc.perform(post("/api/v1/registry/properties").header("Authorization", "Bearer " + officer.token())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"certificateNumber":"%s","addressDivision":"1110","area":48.2,"purpose":"RESIDENTIAL",
                                 "registeredOn":"2019-01-01","owners":[{"person":"%s","share":1}],"legalBasis":"Гэрээ №9"}"""
                                .formatted(number.replace("-", ""), person)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.certificateNumber").value(number));
        mvc.perform(get("/api/v1/registry/properties").param("q", person).header("Authorization", "Bearer " + officer.token())
                        .header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].certificateNumber").value(number));
        mvc.perform(get("/api/v1/registry/properties/{n}", number).header("Authorization", "Bearer " + officer.token())
                        .header("X-Legal-Basis", "Банкны хүсэлт №2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.property.owners[0].person").value(person))
                .andExpect(jsonPath("$.changes[0].type").value("REGISTRATION"));
        assertThat(jdbc.sql("""
                select count(*) from audit.entry where action = 'property.property.read' and object_type = 'person'
                and object_id = :p and details->>'property' = :n""").param("p", person).param("n", number)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/api/v1/registry/properties/{n}/transfers", number).header("Authorization", "Bearer " + officer.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occurredOn\":\"2020-01-01\",\"legalBasis\":\"Гэрээ\",\"owners\":[{\"person\":\"%s\",\"share\":0.9}]}".formatted(person)))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("owner_shares_not_one"));
        EntityFixtures.Staff other = EntityFixtures.officer(accounts, tokens, mn.zasag.Fixtures.freshAgency(agencies));
        mvc.perform(post("/api/v1/registry/properties/{n}/encumbrances", number).header("Authorization", "Bearer " + other.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"LIEN\",\"holderName\":\"Шүүх\",\"amount\":1,\"registeredOn\":\"2020-01-01\",\"legalBasis\":\"Шийдвэр\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registry_owner_only"));
        assertThat(registry.find(number).orElseThrow().encumbrances()).isEmpty();

        String citizen = EntityFixtures.citizenToken(accounts, tokens, person);
        mvc.perform(get("/api/v1/registry/me/properties").header("Authorization", "Bearer " + citizen))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].certificateNumber").value(number));
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(PropertyRefused.class)
                .satisfies(t -> assertThat(((PropertyRefused) t).code()).isEqualTo(code));
    }
}
