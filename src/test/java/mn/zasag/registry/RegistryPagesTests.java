package mn.zasag.registry;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.Role;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;

import static mn.zasag.registry.RegistryFixtures.actor;
import static mn.zasag.registry.RegistryFixtures.registerNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class RegistryPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry registry;

    Cookie officer;

    @BeforeEach
    void officerOfTheRegistrationAuthorityLoggedIn() throws Exception {
        RegistryFixtures.ensureRegistrationAuthority(agencies);
        officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, CivilRegistry.OWNER_AGENCY));
    }

    private MvcResult registerBirth(Cookie session, String rn, LocalDate born, String given) throws Exception {
        return mvc.perform(post("/registry/births").cookie(session).with(csrf())
                .param("registerNumber", rn).param("birthDate", born.toString()).param("familyName", "Дорж")
                .param("givenName", given).param("clanName", "").param("civilId", "").param("birthPlace", "6501")
                .param("addressDivision", "1110").param("citizenship", "MNG").param("addressLine", "")
                .param("legalBasis", "Төрсний гэрчилгээ №7")).andReturn();
    }

    @Test
    void anOfficerRegistersABirthAMarriageAndAnAddressChangeAndSeesTheHistory() throws Exception {
        LocalDate born = LocalDate.of(1988, 10, 10);
        String rn = registerNumber(born, Sex.MALE);
        Person bride = registry.register(RegistryFixtures.adult(Sex.FEMALE, "Пүрэв", "Номин"),
                actor("seed", CivilRegistry.OWNER_AGENCY));

        MvcResult birth = registerBirth(officer, rn, born, "Тэмүүжин");
        assertThat(birth.getResponse().getRedirectedUrl()).startsWith("/registry/persons/");
        mvc.perform(post("/registry/persons/{rn}/marriage", rn).cookie(officer).with(csrf())
                        .param("spouse", bride.registerNumber()).param("occurredOn", "2015-05-05")
                        .param("legalBasis", "Гэрлэлтийн гэрчилгээ №3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/registry/persons/{rn}/address", rn).cookie(officer).with(csrf())
                        .param("divisionCode", "8301").param("addressLine", "2-р баг").param("occurredOn", "2016-06-06")
                        .param("legalBasis", "Шилжилтийн хуудас №4"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/registry/persons/{rn}", rn).param("purpose", "Шалгалт").cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Тэмүүжин")))
                .andExpect(content().string(containsString("Төрөлт")))
                .andExpect(content().string(containsString("Гэрлэлт")))
                .andExpect(content().string(containsString("Хаяг өөрчлөлт")))
                .andExpect(content().string(containsString("Баян-Өлгий, Өлгий")))
                .andExpect(content().string(containsString(bride.registerNumber())));
    }

    @Test
    void anAddressCanBeAKhorooOfTheCapitalChosenByItsDistrictAndNumber() throws Exception {
        Person p = registry.register(RegistryFixtures.adult(Sex.MALE, "Дорж", "Ганзориг"), actor("seed", "GASR"));
        mvc.perform(get("/registry/persons/{rn}/address", p.registerNumber()).cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Улаанбаатар, Баянзүрх, 43-р хороо<")));
        mvc.perform(post("/registry/persons/{rn}/address", p.registerNumber()).cookie(officer).with(csrf())
                        .param("divisionCode", "111043").param("addressLine", "12-р байр").param("occurredOn", "2020-02-02")
                        .param("legalBasis", "Шилжилтийн хуудас №7"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/registry/persons/{rn}", p.registerNumber()).param("purpose", "Шалгалт").cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Улаанбаатар, Баянзүрх, 43-р хороо")));
    }

    @Test
    void anOfficerRegistersADeathThroughItsFormAfterBeingToldADateBeforeBirthIsImpossible() throws Exception {
        Person p = registry.register(RegistryFixtures.adult(Sex.MALE, "Дорж", "Лхагвасүрэн"), actor("seed", "GASR"));

        mvc.perform(get("/registry/persons/{rn}/events/DEATH", p.registerNumber()).cookie(officer))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Нас баралт бүртгэх")));
        mvc.perform(post("/registry/persons/{rn}/events/DEATH", p.registerNumber()).cookie(officer).with(csrf())
                        .param("occurredOn", p.birthDate().minusDays(1).toString()).param("legalBasis", "Гэрчилгээ №10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("төрсөн огнооноос өмнө байж болохгүй")));
        assertThat(registry.history(p.registerNumber())).hasSize(1);

        mvc.perform(post("/registry/persons/{rn}/events/DEATH", p.registerNumber()).cookie(officer).with(csrf())
                        .param("occurredOn", "2024-01-01").param("legalBasis", "Гэрчилгээ №10"))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.history(p.registerNumber())).extracting(CivilEvent::type)
                .containsExactly(CivilEventType.BIRTH, CivilEventType.DEATH);
        mvc.perform(get("/registry/persons/{rn}/events/TELEPORT", p.registerNumber()).cookie(officer))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOfficerIssuesAnIdCardAndChangesANameThroughTheirForms() throws Exception {
        Person p = registry.register(RegistryFixtures.adult(Sex.FEMALE, "Дорж", "Сараа"), actor("seed", "GASR"));
        String card = "7" + p.registerNumber().substring(2);

        mvc.perform(post("/registry/persons/{rn}/events/ID_CARD_ISSUE", p.registerNumber()).cookie(officer).with(csrf())
                        .param("civilId", card).param("occurredOn", "2024-01-01").param("legalBasis", "Өргөдөл №11"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/registry/persons/{rn}/events/NAME_CHANGE", p.registerNumber()).cookie(officer).with(csrf())
                        .param("givenName", "Саруул").param("occurredOn", "2024-02-01").param("legalBasis", "Шийдвэр №12"))
                .andExpect(status().is3xxRedirection());

        Person changed = registry.read(p.registerNumber(), "test");
        assertThat(changed.civilId()).isEqualTo(card);
        assertThat(changed.givenName()).isEqualTo("Саруул");
        assertThat(changed.familyName()).isEqualTo("Дорж");
    }

    @Test
    void thePersonPageAsksForAPurposeBeforeShowingAnything() throws Exception {
        Person p = registry.register(RegistryFixtures.adult(Sex.MALE, "Дорж", "Хүрэлсүх"), actor("seed", "GASR"));

        mvc.perform(get("/registry/persons/{rn}", p.registerNumber()).cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"purpose\"")))
                .andExpect(content().string(not(containsString("Хүрэлсүх"))));
    }

    @Test
    void theSearchPageFindsByLatinNameOnceAPurposeIsGiven() throws Exception {
        Person p = registry.register(RegistryFixtures.adult(Sex.MALE, "Щарав", "Отгонбаяр"), actor("seed", "GASR"));

        mvc.perform(get("/registry").param("q", "Sharav").cookie(officer))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(p.registerNumber()))));
        mvc.perform(get("/registry").param("q", "Sharav Otgonbayar").param("purpose", "Өргөдөл №9").cookie(officer))
                .andExpect(status().isOk()).andExpect(content().string(containsString(p.registerNumber())));
    }

    @Test
    void aRefusedBirthShowsTheRuleOnTheFormAndWritesNothing() throws Exception {
        LocalDate born = LocalDate.of(1988, 10, 11);
        String rn = registerNumber(born, Sex.MALE);
        registerBirth(officer, rn, born, "Тэмүүлэн");

        mvc.perform(post("/registry/births").cookie(officer).with(csrf())
                        .param("registerNumber", rn).param("birthDate", born.toString()).param("familyName", "Дорж")
                        .param("givenName", "Өөр").param("legalBasis", "№8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("аль хэдийн бүртгэлтэй")));
        mvc.perform(post("/registry/births").cookie(officer).with(csrf())
                        .param("registerNumber", "AB88101011").param("birthDate", "1988-10-10").param("familyName", "Дорж")
                        .param("givenName", "Өөр").param("legalBasis", "№8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(registry.history(rn)).hasSize(1);
    }

    @Test
    void anOfficerOfAnotherAgencyIsRefusedOnTheBirthForm() throws Exception {
        Cookie outsider = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, Fixtures.freshAgency(agencies)));
        LocalDate born = LocalDate.of(1988, 10, 12);
        String rn = registerNumber(born, Sex.MALE);

        MvcResult refused = registerBirth(outsider, rn, born, "Тэмүүлэн");

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(registry.exists(rn)).isFalse();
    }

    @Test
    void aCitizenSeesTheirOwnDataAndCannotOpenAnotherPersonsRecord() throws Exception {
        LocalDate born = LocalDate.of(1992, 2, 20);
        String rn = registerNumber(born, Sex.FEMALE);
        registry.register(RegistryFixtures.person(rn, "Пүрэв", "Мөнхзул"), actor("seed", "GASR"));
        RegistryFixtures.citizenToken(accounts, tokens, rn);
        Person other = registry.register(RegistryFixtures.adult(Sex.MALE, "Дорж", "Ганзориг"), actor("seed", "GASR"));
        Cookie citizen = WebSessions.login(mvc, rn);

        mvc.perform(get("/my-data").cookie(citizen))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мөнхзул")))
                .andExpect(content().string(containsString("Төрөлт")));
        mvc.perform(get("/registry/persons/{rn}", other.registerNumber()).param("purpose", "x").cookie(citizen))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").cookie(citizen)).andExpect(content().string(containsString("/my-data")));
    }

    @Test
    void aCitizenWithoutARecordIsToldSo() throws Exception {
        Cookie citizen = WebSessions.login(mvc, Fixtures.citizen(accounts));

        mvc.perform(get("/my-data").cookie(citizen))
                .andExpect(status().isOk()).andExpect(content().string(containsString("мэдээлэл олдсонгүй")));
    }
}
