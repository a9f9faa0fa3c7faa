package mn.zasag.property;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.Role;
import mn.zasag.legalentity.EntityFixtures;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class PropertyPagesTests {

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
    @Autowired
    PropertyRegistry registry;

    Cookie officer;

    @BeforeEach
    void officerOfTheRegistrationAuthorityLoggedIn() throws Exception {
        EntityFixtures.ensureRegistrationAuthority(agencies);
        officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, PropertyRegistry.OWNER_AGENCY));
    }

    @Test
    void anOfficerRegistersMortgagesReleasesAndTransfersAPropertyAndTheOwnerSeesIt() throws Exception {
        String seller = EntityFixtures.person(civil, "Болд", "Сараа");
        LegalEntity bank = EntityFixtures.entity(entities, civil);
        String buyer = EntityFixtures.person(civil, "Дорж", "Анужин");
        String number = PropertyRegistryTests.certificate();

        mvc.perform(get("/property/new").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Амины орон сууц")));
        mvc.perform(post("/property/new").cookie(officer).with(csrf()).param("certificateNumber", number)
                        .param("addressDivision", "111043").param("addressLine", "5-р байр 12 тоот").param("area", "54,3")
                        .param("use", "RESIDENTIAL").param("registeredOn", "2015-02-02").param("owners", seller + " 100%")
                        .param("legalBasis", "Худалдах гэрээ №1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/property/{n}/encumbrances", number).cookie(officer).with(csrf()).param("encumbranceType", "MORTGAGE")
                        .param("holderName", "Хаан банк").param("holderEntity", bank.registrationNumber()).param("amount", "80000000")
                        .param("occurredOn", "2015-02-03").param("legalBasis", "Барьцааны гэрээ №2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/property/{n}/transfer", number).cookie(officer).with(csrf()).param("owners", buyer + " 1")
                        .param("occurredOn", "2016-01-01").param("legalBasis", "Гэрээ №3"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("шилжүүлэхгүй")));
        long id = registry.find(number).orElseThrow().encumbrances().get(0).id();
        mvc.perform(post("/property/{n}/encumbrances/{id}/release", number, id).cookie(officer).with(csrf())
                        .param("occurredOn", "2017-01-01").param("legalBasis", "Зээл хаагдсан №4").param("purpose", "Шалгалт"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/property/{n}/transfer", number).cookie(officer).with(csrf()).param("owners", buyer + " 1")
                        .param("occurredOn", "2018-01-01").param("legalBasis", "Гэрээ №5"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/property/{n}", number).param("purpose", "Шалгалт").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Улаанбаатар, Баянзүрх, 43-р хороо")))
                .andExpect(content().string(containsString("Хаан банк")))
                .andExpect(content().string(containsString("2017-01-01-нд чөлөөлсөн")))
                .andExpect(content().string(containsString("Шилжүүлсэн")))
                .andExpect(content().string(containsString(seller)))
                .andExpect(content().string(containsString(buyer)));
        mvc.perform(get("/property").param("q", buyer).param("purpose", "Шалгалт").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));

        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(buyer), "Дорж", "Анужин", "+97699001122", null, Fixtures.PASSWORD));
        Cookie citizen = WebSessions.login(mvc, buyer);
        mvc.perform(get("/my-data/property").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number))).andExpect(content().string(containsString("54.30")));
        mvc.perform(get("/property/{n}", number).param("purpose", "x").cookie(citizen)).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsShownOnTheForm() throws Exception {
        String owner = EntityFixtures.person(civil, "Болд", "Сараа");
        String number = PropertyRegistryTests.certificate();
        mvc.perform(post("/property/new").cookie(officer).with(csrf()).param("certificateNumber", "Ү-12")
                        .param("addressDivision", "1110").param("area", "50").param("use", "RESIDENTIAL")
                        .param("registeredOn", "2015-02-02").param("owners", owner + " 1").param("legalBasis", "Гэрээ"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("10 оронтой тоо")));
        mvc.perform(post("/property/new").cookie(officer).with(csrf()).param("certificateNumber", number)
                        .param("addressDivision", "1110").param("area", "-3").param("use", "RESIDENTIAL")
                        .param("registeredOn", "2015-02-02").param("owners", owner + " 0.5").param("legalBasis", "Гэрээ"))
                .andExpect(status().isOk());
        mvc.perform(post("/property/new").cookie(officer).with(csrf()).param("certificateNumber", number)
                        .param("addressDivision", "1110").param("area", "50").param("use", "RESIDENTIAL")
                        .param("registeredOn", "2015-02-02").param("owners", owner + " 0.5").param("legalBasis", "Гэрээ"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("нийлээд 1")));
        assertThat(registry.find(number)).isEmpty();
        mvc.perform(get("/property/{n}", "Ү-0000000000").param("purpose", "x").cookie(officer)).andExpect(status().isNotFound());
    }
}
