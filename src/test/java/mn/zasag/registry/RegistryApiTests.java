package mn.zasag.registry;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static mn.zasag.registry.RegistryFixtures.registerNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class RegistryApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    RegistryFixtures.Staff registrar;

    @BeforeEach
    void registrarOfTheRegistrationAuthority() {
        RegistryFixtures.ensureRegistrationAuthority(agencies);
        registrar = RegistryFixtures.officer(accounts, tokens, CivilRegistry.OWNER_AGENCY);
    }

    private String birth(String rn, LocalDate birthDate) {
        return """
                {"registerNumber":"%s","familyName":"Дорж","givenName":"Бат-Эрдэнэ","birthDate":"%s",
                 "birthPlace":"6501","addressDivision":"1110","addressLine":"1-р хороо","legalBasis":"Төрсний гэрчилгээ №1"}"""
                .formatted(rn, birthDate);
    }

    private org.springframework.test.web.servlet.ResultActions postBirth(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/registry/persons").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theRegistrationAuthorityRegistersABirthAndReadsThePersonWithTheirHistory() throws Exception {
        LocalDate born = LocalDate.of(1995, 4, 12);
        String rn = registerNumber(born, Sex.MALE);

        postBirth(registrar.token(), birth(rn, born)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.registerNumber").value(rn)).andExpect(jsonPath("$.sex").value("MALE"));

        mvc.perform(get("/api/v1/registry/persons/{rn}", rn).header("Authorization", "Bearer " + registrar.token())
                        .header("X-Legal-Basis", "Өргөдөл №5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.givenName").value("Бат-Эрдэнэ"))
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].type").value("BIRTH"))
                .andExpect(jsonPath("$.events[0].registrar").value(registrar.login()));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'registry.person.read' and object_id = :rn and details->>'legal_basis' = 'Өргөдөл №5'")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReadWithoutALegalBasisIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/registry/persons/{rn}", registerNumber(LocalDate.of(1990, 1, 1), Sex.MALE))
                        .header("Authorization", "Bearer " + registrar.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("legal_basis_required"));
    }

    @Test
    void anInvalidRegisterNumberIsABadRequestAndAnUnknownOneIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/registry/persons/{rn}", "AB12345678").header("Authorization", "Bearer " + registrar.token())
                        .header("X-Legal-Basis", "test"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("register_number_invalid"));
        postBirth(registrar.token(), birth("УБ90139914", LocalDate.of(1990, 1, 1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("register_number_invalid"));
        mvc.perform(get("/api/v1/registry/persons/{rn}", registerNumber(LocalDate.of(1990, 1, 2), Sex.MALE))
                        .header("Authorization", "Bearer " + registrar.token()).header("X-Legal-Basis", "test"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("person_not_found"));
    }

    @Test
    void aDuplicateRegisterNumberIsAConflict() throws Exception {
        LocalDate born = LocalDate.of(1995, 4, 13);
        String rn = registerNumber(born, Sex.MALE);
        postBirth(registrar.token(), birth(rn, born)).andExpect(status().isCreated());

        postBirth(registrar.token(), birth(rn, born))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("person_exists"));
    }

    @Test
    void impossibleEventsAreUnprocessableWithTheirCode() throws Exception {
        LocalDate born = LocalDate.of(1980, 2, 2);
        String rn = registerNumber(born, Sex.MALE);
        postBirth(registrar.token(), birth(rn, born)).andExpect(status().isCreated());
        LocalDate childBorn = LocalDate.now().minusYears(10);
        String child = registerNumber(childBorn, Sex.FEMALE);
        postBirth(registrar.token(), birth(child, childBorn)).andExpect(status().isCreated());

        event(rn, """
                {"type":"DEATH","occurredOn":"1979-12-31","legalBasis":"Нас баралтын гэрчилгээ №1"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("event_before_birth"));
        event(rn, """
                {"type":"MARRIAGE","occurredOn":"%s","legalBasis":"Гэрлэлтийн гэрчилгээ №1","spouse":"%s"}"""
                .formatted(LocalDate.now().minusDays(1), child))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("marriage_minor"));
        event(rn, """
                {"type":"DIVORCE","occurredOn":"2020-01-01","legalBasis":"Шийдвэр №1"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("not_married"));
        event(rn, """
                {"type":"TELEPORT","occurredOn":"2020-01-01","legalBasis":"x"}""")
                .andExpect(status().isBadRequest());
        event(rn, """
                {"type":"ADDRESS_CHANGE","occurredOn":"2020-01-01","legalBasis":"Өргөдөл №2","divisionCode":"8301"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("ADDRESS_CHANGE"));
    }

    private org.springframework.test.web.servlet.ResultActions event(String rn, String body) throws Exception {
        return mvc.perform(post("/api/v1/registry/persons/{rn}/events", rn).header("Authorization", "Bearer " + registrar.token())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anOfficerOfAnotherAgencyIsForbiddenToWriteAndNothingIsWritten() throws Exception {
        String police = mn.zasag.Fixtures.freshAgency(agencies);
        RegistryFixtures.Staff outsider = RegistryFixtures.officer(accounts, tokens, police);
        LocalDate born = LocalDate.of(1995, 4, 14);
        String rn = registerNumber(born, Sex.MALE);

        postBirth(outsider.token(), birth(rn, born))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registry_owner_only"));

        assertThat(jdbc.sql("select count(*) from registry.person where register_number = :rn").param("rn", rn)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'registry.write.denied' and object_id = :rn and actor_login = :login")
                .param("rn", rn).param("login", outsider.login()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCitizenSeesTheirOwnRecordButNotAnotherPersons() throws Exception {
        LocalDate born = LocalDate.of(1993, 8, 9);
        String rn = registerNumber(born, Sex.FEMALE);
        postBirth(registrar.token(), birth(rn, born)).andExpect(status().isCreated());
        String citizen = RegistryFixtures.citizenToken(accounts, tokens, rn);
        String other = registerNumber(LocalDate.of(1993, 8, 10), Sex.MALE);
        postBirth(registrar.token(), birth(other, LocalDate.of(1993, 8, 10))).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/registry/me").header("Authorization", "Bearer " + citizen))
                .andExpect(status().isOk()).andExpect(jsonPath("$.person.registerNumber").value(rn));
        mvc.perform(get("/api/v1/registry/persons/{rn}", other).header("Authorization", "Bearer " + citizen)
                        .header("X-Legal-Basis", "curiosity"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/persons").param("q", "Дорж").header("Authorization", "Bearer " + citizen)
                        .header("X-Legal-Basis", "curiosity"))
                .andExpect(status().isForbidden());
        postBirth(citizen, birth(registerNumber(born, Sex.MALE), born)).andExpect(status().isForbidden());
    }

    @Test
    void searchFindsALatinSpellingOfACyrillicName() throws Exception {
        LocalDate born = LocalDate.of(1993, 8, 11);
        String rn = registerNumber(born, Sex.MALE);
        postBirth(registrar.token(), birth(rn, born).replace("\"Дорж\"", "\"Щижигжав\"")).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/registry/persons").param("q", "shijigjav bat-erdene")
                        .header("Authorization", "Bearer " + registrar.token()).header("X-Legal-Basis", "test"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].registerNumber").value(rn));
    }

    @Test
    void divisionsArePublic() throws Exception {
        mvc.perform(get("/api/v1/registry/divisions"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(22)))
                .andExpect(jsonPath("$[0].nameMn").value("Улаанбаатар"));
        mvc.perform(get("/api/v1/registry/divisions").param("parent", "11"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(9)));
        mvc.perform(get("/api/v1/registry/divisions/8301"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameMn").value("Өлгий"))
                .andExpect(jsonPath("$.parentCode").value("83"));
        mvc.perform(get("/api/v1/registry/divisions/0000"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("division_not_found"));
    }

    @Test
    void theCapitalsDistrictsHoldTheir204Khoroos() throws Exception {
        // Bayanzürkh has 43 khoroos (Ulaanbaatar city statistics, 2020), numbered from 1
        mvc.perform(get("/api/v1/registry/divisions").param("parent", "1110"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(43)))
                .andExpect(jsonPath("$[0].code").value("111001"))
                .andExpect(jsonPath("$[0].level").value("khoroo"))
                .andExpect(jsonPath("$[0].nameMn").value("1-р хороо"));
        int khoroos = 0;
        for (String district : List.of("1101", "1104", "1107", "1110", "1113", "1116", "1119", "1122", "1125")) {
            String body = mvc.perform(get("/api/v1/registry/divisions").param("parent", district))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            khoroos += body.split("\"level\":\"khoroo\"", -1).length - 1;
        }
        assertThat(khoroos).isEqualTo(204);
        // and a person can live in one
        mvc.perform(get("/api/v1/registry/divisions/112524"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentCode").value("1125"));
    }
}
