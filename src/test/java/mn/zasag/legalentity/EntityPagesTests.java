package mn.zasag.legalentity;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class EntityPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry civil;
    @Autowired
    LegalEntities entities;

    Cookie officer;

    @BeforeEach
    void officerOfTheRegistrationAuthorityLoggedIn() throws Exception {
        EntityFixtures.ensureRegistrationAuthority(agencies);
        officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, LegalEntities.OWNER_AGENCY));
    }

    private MvcResult register(String number, String name, String founders, String directors) throws Exception {
        return mvc.perform(post("/entities/new").cookie(officer).with(csrf())
                .param("registrationNumber", number).param("nameMn", name).param("nameEn", "")
                .param("legalForm", "ХХК").param("addressDivision", "111043").param("addressLine", "12-р байр")
                .param("registeredOn", "2018-04-04").param("founders", founders).param("directors", directors)
                .param("legalBasis", "Өргөдөл №12")).andReturn();
    }

    @Test
    void anOfficerRegistersAnEntitySuspendsItAndSeesTheWholeHistory() throws Exception {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String b = EntityFixtures.person(civil, "Сүх", "Номин");
        String number = EntityFixtures.entityNumber(entities);

        mvc.perform(get("/entities/new").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Хязгаарлагдмал хариуцлагатай компани")));
        MvcResult done = register(number, "Алтан Тал " + number, a + " 1/3\n" + b + " 2/3", a);
        assertThat(done.getResponse().getRedirectedUrl()).startsWith("/entities/" + number);

        mvc.perform(post("/entities/{n}/changes/SUSPENSION", number).cookie(officer).with(csrf())
                        .param("occurredOn", "2019-01-01").param("legalBasis", "Шүүхийн шийдвэр №8"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/entities/{n}", number).cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"purpose\"")));
        mvc.perform(get("/entities/{n}", number).param("purpose", "Шалгалт").cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Алтан Тал " + number)))
                .andExpect(content().string(containsString("Түдгэлзүүлсэн")))
                .andExpect(content().string(containsString("Улаанбаатар, Баянзүрх, 43-р хороо")))
                .andExpect(content().string(containsString("Шүүхийн шийдвэр №8")))
                .andExpect(content().string(containsString(b)))
                .andExpect(content().string(containsString("Үйл ажиллагааг сэргээх")));

        mvc.perform(get("/entities").param("q", "altan tal " + number).param("purpose", "Шалгалт").cookie(officer))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">" + number + "<")));
    }

    @Test
    void badInputIsShownOnTheFormAndNothingIsWritten() throws Exception {
        String a = EntityFixtures.person(civil, "Дорж", "Бат");
        String number = EntityFixtures.entityNumber(entities);
        mvc.perform(post("/entities/new").cookie(officer).with(csrf()).param("registrationNumber", "12ab")
                        .param("nameMn", "Нэр").param("legalForm", "ХХК").param("addressDivision", "1110")
                        .param("registeredOn", "2018-04-04").param("founders", a + " 1").param("directors", a)
                        .param("legalBasis", "Өргөдөл"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("7 оронтой тоо")));
        mvc.perform(post("/entities/new").cookie(officer).with(csrf()).param("registrationNumber", number)
                        .param("nameMn", "Нэр " + number).param("legalForm", "ХХК").param("addressDivision", "1110")
                        .param("registeredOn", "2018-04-04").param("founders", a + " 0.6").param("directors", a)
                        .param("legalBasis", "Өргөдөл"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("нийлээд 1")));
        mvc.perform(post("/entities/new").cookie(officer).with(csrf()).param("registrationNumber", number)
                        .param("nameMn", "Нэр " + number).param("legalForm", "ХХК").param("addressDivision", "1110")
                        .param("registeredOn", "2018-04-04").param("founders", EntityFixtures.registerNumber() + " 1").param("directors", a)
                        .param("legalBasis", "Өргөдөл"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("иргэний бүртгэлд")));
        assertThat(entities.exists(number)).isFalse();

        Cookie stranger = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, Fixtures.freshAgency(agencies)));
        mvc.perform(post("/entities/new").cookie(stranger).with(csrf()).param("registrationNumber", number)
                        .param("nameMn", "Нэр " + number).param("legalForm", "ХХК").param("addressDivision", "1110")
                        .param("registeredOn", "2018-04-04").param("founders", a + " 1").param("directors", a)
                        .param("legalBasis", "Өргөдөл"))
                .andExpect(status().isForbidden()).andExpect(content().string(not(containsString("Exception"))));
        assertThat(entities.exists(number)).isFalse();
    }

    @Test
    void theCitizenSeesTheirEntityAndGetsANumberedReference() throws Exception {
        LegalEntity e = EntityFixtures.entity(entities, civil);
        String founder = e.founders().get(0).person();
        accounts.registerCitizen(new mn.zasag.identity.NewCitizen(mn.zasag.shared.RegisterNumber.parse(founder), "Дорж", "Бат",
                "+97699001122", null, Fixtures.PASSWORD));
        Cookie citizen = WebSessions.login(mvc, founder);
        mvc.perform(get("/my-data/entities").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString(e.nameMn())));
        mvc.perform(post("/my-data/entities/reference").cookie(citizen).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("ЛБ-")))
                .andExpect(content().string(containsString(e.registrationNumber())));
        mvc.perform(get("/entities").cookie(citizen)).andExpect(status().isForbidden());
        mvc.perform(get("/my-data").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/my-data/entities")))
                .andExpect(content().string(containsString("/my-data/property")));
    }

    @Test
    void anOfficerIssuesAReferenceForAFreeName() throws Exception {
        mvc.perform(post("/entities/references").cookie(officer).with(csrf()).param("registerNumber", "")
                        .param("entityName", "Шинэ нэр " + System.nanoTime()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("нэртэй хуулийн этгээд бүртгэлгүй")));
    }
}
