package mn.zasag.legalentity;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class EntitiesApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry civil;
    @Autowired
    LegalEntities entities;
    @Autowired
    JdbcClient jdbc;

    EntityFixtures.Staff registrar;

    @BeforeEach
    void registrarOfTheRegistrationAuthority() {
        EntityFixtures.ensureRegistrationAuthority(agencies);
        registrar = EntityFixtures.officer(accounts, tokens, LegalEntities.OWNER_AGENCY);
    }

    private String body(String number, String name, String founders, String directors) {
        return """
                {"registrationNumber":"%s","nameMn":"%s","nameEn":"Test LLC","legalForm":"ХХК","addressDivision":"1110",
                 "addressLine":"1-р хороо","registeredOn":"2016-05-04","founders":%s,"directors":%s,
                 "legalBasis":"Өргөдөл №77"}""".formatted(number, name, founders, directors);
    }

    private ResultActions postEntity(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/registry/entities").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long count(String table, String number) {
        return jdbc.sql("select count(*) from legalentity." + table + " where " + ("entity".equals(table) ? "registration_number" : "entity_number") + " = :n")
                .param("n", number).query(Long.class).single();
    }

    @Test
    void registersAnEntityFindsItByNameInEitherScriptAndReadsItWithAudit() throws Exception {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String b = EntityFixtures.person(civil, "Ганбат", "Сараа");
        String number = EntityFixtures.entityNumber(entities);
        String word = "Хөх" + number;

        postEntity(registrar.token(), body(number, "Цэцэг Хүнс " + word,
                "[{\"person\":\"%s\",\"share\":0.5},{\"person\":\"%s\",\"share\":0.5}]".formatted(a, b), "[\"" + a + "\"]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrationNumber").value(number))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.founders", hasSize(2)));

        mvc.perform(get("/api/v1/registry/entities").param("q", "tsetseg khuns khokh" + number)
                        .header("Authorization", "Bearer " + registrar.token()).header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].registrationNumber").value(number));
        mvc.perform(get("/api/v1/registry/entities").param("q", "ЦЭЦЭГ хүнс")
                        .header("Authorization", "Bearer " + registrar.token()).header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.registrationNumber == '" + number + "')]", hasSize(1)));
        mvc.perform(get("/api/v1/registry/entities").param("q", number)
                        .header("Authorization", "Bearer " + registrar.token()).header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));

        mvc.perform(get("/api/v1/registry/entities/{n}", number).header("Authorization", "Bearer " + registrar.token())
                        .header("X-Legal-Basis", "Шүүхийн хүсэлт №3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entity.nameMn").value("Цэцэг Хүнс " + word))
                .andExpect(jsonPath("$.changes[0].type").value("REGISTRATION"));
        for (String person : List.of(a, b)) {
            assertThat(jdbc.sql("""
                    select count(*) from audit.entry where action = 'legalentity.entity.read' and object_type = 'person'
                    and object_id = :p and details->>'legal_basis' = 'Шүүхийн хүсэлт №3' and details->>'entity' = :n""")
                    .param("p", person).param("n", number).query(Long.class).single()).as(person).isEqualTo(1);
        }
        mvc.perform(get("/api/v1/registry/entities/{n}", number).header("Authorization", "Bearer " + registrar.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("legal_basis_required"));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws Exception {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String number = EntityFixtures.entityNumber(entities);
        String one = "[{\"person\":\"%s\",\"share\":1}]".formatted(a);

        postEntity(registrar.token(), body("12345", "Нэр " + number, one, "[\"" + a + "\"]"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("entity_number_invalid"));
        postEntity(registrar.token(), body(number, "Нэр " + number,
                "[{\"person\":\"%s\",\"share\":1}]".formatted(EntityFixtures.registerNumber()), "[\"" + a + "\"]"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("founder_not_found"));
        postEntity(registrar.token(), body(number, "Нэр " + number,
                "[{\"person\":\"%s\",\"share\":0.7}]".formatted(a), "[\"" + a + "\"]"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("shares_not_one"));
        postEntity(registrar.token(), body(number, "Нэр " + number, one, "[]"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("directors_missing"));
        EntityFixtures.Staff police = EntityFixtures.officer(accounts, tokens, mn.zasag.Fixtures.freshAgency(agencies));
        postEntity(police.token(), body(number, "Нэр " + number, one, "[\"" + a + "\"]"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registry_owner_only"));
        assertThat(count("entity", number)).isZero();
        assertThat(count("founder", number)).isZero();
        assertThat(count("entity_change", number)).isZero();

        postEntity(registrar.token(), body(number, "Нэр " + number, one, "[\"" + a + "\"]")).andExpect(status().isCreated());
        postEntity(registrar.token(), body(number, "Өөр " + number, one, "[\"" + a + "\"]"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("entity_exists"));
        String other = EntityFixtures.entityNumber(entities);
        postEntity(registrar.token(), body(other, "НЭР " + number, one, "[\"" + a + "\"]"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("entity_name_taken"));
        assertThat(count("entity", other)).isZero();

        mvc.perform(post("/api/v1/registry/entities/{n}/changes", number).header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"LIQUIDATION\",\"occurredOn\":\"2016-05-03\",\"legalBasis\":\"Шийдвэр №1\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("liquidation_before_registration"));
        mvc.perform(post("/api/v1/registry/entities/{n}/changes", number).header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"REINSTATEMENT\",\"occurredOn\":\"2017-05-03\",\"legalBasis\":\"Шийдвэр №1\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("status_transition_invalid"));
        assertThat(entities.find(number).orElseThrow().status()).isEqualTo(EntityStatus.ACTIVE);
        assertThat(count("entity_change", number)).isEqualTo(1);
    }

    @Test
    void foundersChangeKeepsTheOldFoundersInTheHistory() throws Exception {
        LegalEntity e = EntityFixtures.entity(entities, civil);
        String newcomer = EntityFixtures.person(civil, "Сүх", "Номин");
        String old = e.founders().get(0).person();
        mvc.perform(post("/api/v1/registry/entities/{n}/changes", e.registrationNumber())
                        .header("Authorization", "Bearer " + registrar.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"FOUNDERS_CHANGE","occurredOn":"2020-02-02","legalBasis":"Хурлын шийдвэр №4",
                                 "founders":[{"person":"%s","share":0.25},{"person":"%s","share":0.75}]}""".formatted(old, newcomer)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.details.previous_founders").value(old + " 1"));
        LegalEntity after = entities.find(e.registrationNumber()).orElseThrow();
        assertThat(after.founders()).extracting(Founder::share).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.75"));
        assertThat(entities.history(e.registrationNumber())).extracting(EntityChange::type)
                .containsExactly(EntityChangeType.REGISTRATION, EntityChangeType.FOUNDERS_CHANGE);
    }

    @Test
    void theNonRegistrationReferenceStatesTheFacts() throws Exception {
        LegalEntity e = EntityFixtures.entity(entities, civil);
        String founder = e.founders().get(0).person();
        String nobody = EntityFixtures.person(civil, "Бат", "Төгс");

        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"registerNumber\":\"" + nobody + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.number", startsWith("ЛБ-"))).andExpect(jsonPath("$.entities", hasSize(0)));
        String answer = mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"registerNumber\":\"" + founder + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.entities[*].role", org.hamcrest.Matchers.containsInAnyOrder("FOUNDER", "DIRECTOR")))
                .andReturn().getResponse().getContentAsString();
        String reference = answer.replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/registry/non-registration-references/{r}", reference).header("Authorization", "Bearer " + registrar.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subject").value(founder)).andExpect(jsonPath("$.registered").value(true));

        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + e.nameMn().toUpperCase() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.entities[0].registrationNumber").value(e.registrationNumber()));
        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + registrar.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Огт байхгүй нэр " + e.registrationNumber() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(false));

        String citizen = EntityFixtures.citizenToken(accounts, tokens, nobody);
        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + citizen)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"registerNumber\":\"" + nobody + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(false));
        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + citizen)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"registerNumber\":\"" + founder + "\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("reference_not_yours"));
        mvc.perform(post("/api/v1/registry/non-registration-references").header("Authorization", "Bearer " + citizen)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"registerNumber\":\"AB12\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("reference_subject_invalid"));
    }

    @Test
    void aCitizenSeesTheEntitiesTheyFoundButNotOthers() throws Exception {
        LegalEntity e = EntityFixtures.entity(entities, civil);
        String citizen = EntityFixtures.citizenToken(accounts, tokens, e.founders().get(0).person());
        mvc.perform(get("/api/v1/registry/me/entities").header("Authorization", "Bearer " + citizen))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].registrationNumber").value(e.registrationNumber()));
        mvc.perform(get("/api/v1/registry/entities/{n}", e.registrationNumber()).header("Authorization", "Bearer " + citizen)
                        .header("X-Legal-Basis", "x"))
                .andExpect(status().isForbidden());
    }
}
