package mn.zasag.vehicles;

import jakarta.servlet.http.Cookie;
import mn.zasag.HoldingsFixtures;
import mn.zasag.HoldingsFixtures.Citizen;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.customs.CustomsDebts;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.socialinsurance.SocialInsurance;
import mn.zasag.tax.TaxRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The officers' pages of the vehicle, tax, social insurance and customs registries, and the citizen's own
 * pages under "My data": forms that work, forms that refuse with a message next to the field, and no 500.
 */
@ZasagTest
class HoldingsPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    CivilRegistry persons;
    @Autowired
    LegalEntities entities;

    private Cookie officerOf(String agency) throws Exception {
        return WebSessions.login(mvc, HoldingsFixtures.officer(agencies, accounts, tokens, agency).login());
    }

    @Test
    void aTransportOfficerRegistersAVehicleSeesItsHistoryAndIsToldWhatIsWrong() throws Exception {
        Cookie mrt = officerOf(VehicleRegistry.OWNER_AGENCY);
        String owner = HoldingsFixtures.person(persons);
        String plate = HoldingsFixtures.plate();
        MvcResult done = mvc.perform(post("/vehicles/new").cookie(mrt).with(csrf()).param("plate", plate)
                .param("vin", HoldingsFixtures.vin()).param("make", "Toyota").param("model", "Prius").param("year", "2015")
                .param("colour", "Цагаан").param("owner", owner).param("registeredOn", "2020-01-01")
                .param("legalBasis", "Өргөдөл №1")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).startsWith("/vehicles/");

        mvc.perform(get("/vehicles/{p}", plate).param("purpose", "Шалгалт").cookie(mrt))
                .andExpect(status().isOk()).andExpect(content().string(containsString(owner)))
                .andExpect(content().string(containsString("Улсын бүртгэл")));
        mvc.perform(get("/vehicles/{p}", plate).cookie(mrt))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"purpose\"")));
        mvc.perform(get("/vehicles").param("q", owner).param("purpose", "Шалгалт").cookie(mrt))
                .andExpect(status().isOk()).andExpect(content().string(containsString(plate)));
        mvc.perform(get("/vehicles").param("q", "nonsense").param("purpose", "Шалгалт").cookie(mrt))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-message")));

        mvc.perform(post("/vehicles/{p}/transfer", plate).cookie(mrt).with(csrf()).param("owner", owner)
                        .param("occurredOn", "").param("legalBasis", "Гэрээ"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Тээврийн хэрэгсэл аль хэдийн энэ эзэмшигчийнх")));
        mvc.perform(post("/vehicles/{p}/inspection", plate).cookie(mrt).with(csrf()).param("occurredOn", "2026-99-01")
                        .param("passed", "true").param("validUntil", "").param("legalBasis", "Үзлэг"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-message")));
        mvc.perform(post("/vehicles/new").cookie(mrt).with(csrf()).param("plate", "1234ABC")
                        .param("vin", "SHORT").param("make", "Toyota").param("model", "Prius").param("year", "20x5")
                        .param("colour", "Цагаан").param("owner", owner).param("registeredOn", "").param("legalBasis", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-summary")));
        mvc.perform(get("/vehicles/{p}/transfer", HoldingsFixtures.plate()).cookie(mrt)).andExpect(status().isNotFound());
    }

    @Test
    void anOfficerOfAnotherAgencyIsToldTheyCannotChangeTheVehicleRegistry() throws Exception {
        Cookie police = officerOf("POLICE");
        mvc.perform(post("/vehicles/new").cookie(police).with(csrf()).param("plate", HoldingsFixtures.plate())
                        .param("vin", HoldingsFixtures.vin()).param("make", "Toyota").param("model", "Prius").param("year", "2015")
                        .param("colour", "Цагаан").param("owner", HoldingsFixtures.person(persons)).param("registeredOn", "")
                        .param("legalBasis", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("зөвхөн авто тээврийн байгууллагын албан хаагч")));
    }

    @Test
    void taxSocialInsuranceAndCustomsOfficersWorkThroughTheirPages() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        Cookie gdt = officerOf(TaxRegistry.OWNER_AGENCY);
        mvc.perform(post("/tax/new").cookie(gdt).with(csrf()).param("taxpayer", rn).param("office", "1110")
                .param("registeredOn", "2020-01-01").param("legalBasis", "Өргөдөл")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tax/taxpayers/{t}/entries", rn).cookie(gdt).with(csrf()).param("type", "ASSESSMENT")
                .param("taxType", "PROPERTY").param("amount", "12 500").param("occurredOn", "2026-01-05").param("reference", "")
                .param("legalBasis", "Акт")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tax/taxpayers/{t}/entries", rn).cookie(gdt).with(csrf()).param("type", "PAYMENT")
                        .param("taxType", "PROPERTY").param("amount", "99999").param("occurredOn", "2026-01-06").param("reference", "")
                        .param("legalBasis", "Баримт"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Төлөлт барагдуулах өрөөсөө их")));
        mvc.perform(get("/tax").param("q", rn).param("purpose", "Шалгалт").cookie(gdt)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/tax/taxpayers/{t}", rn).param("purpose", "Шалгалт").cookie(gdt))
                .andExpect(status().isOk()).andExpect(content().string(containsString("12,500.00")));
        mvc.perform(get("/tax").param("q", "123").param("purpose", "Шалгалт").cookie(gdt))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-message")));

        Cookie gasi = officerOf(SocialInsurance.OWNER_AGENCY);
        mvc.perform(post("/social-insurance/persons/{rn}/contributions", rn).cookie(gasi).with(csrf())
                .param("employer", HoldingsFixtures.entity(entities, persons)).param("month", "2026-01").param("wage", "1000000")
                .param("amount", "240000").param("legalBasis", "Тайлан")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/social-insurance/persons/{rn}/contributions", rn).cookie(gasi).with(csrf())
                        .param("employer", HoldingsFixtures.entity(entities, persons)).param("month", YearMonth.now().plusMonths(2).toString())
                        .param("wage", "1000000").param("amount", "240000").param("legalBasis", "Тайлан"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Сар ирээдүйд")));
        mvc.perform(get("/social-insurance/persons/{rn}", rn).param("purpose", "Шалгалт").cookie(gasi))
                .andExpect(status().isOk()).andExpect(content().string(containsString("240,000.00")));

        Cookie customs = officerOf(CustomsDebts.OWNER_AGENCY);
        mvc.perform(post("/customs/debts/new").cookie(customs).with(csrf()).param("debtor", rn)
                .param("declaration", "P" + rn.hashCode() % 100000 + "/2026").param("amount", "5000").param("occurredOn", "2026-02-01")
                .param("legalBasis", "Акт")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/customs/debtors/{d}", rn).param("purpose", "Шалгалт").cookie(customs))
                .andExpect(status().isOk()).andExpect(content().string(containsString("5,000.00")));
    }

    @Test
    void aCitizenSeesTheirOwnRecordsInEveryRegistryAndNoOfficerPage() throws Exception {
        Citizen citizen = HoldingsFixtures.citizen(persons, accounts, tokens);
        Cookie session = WebSessions.login(mvc, citizen.login());
        for (String page : new String[] {"/my-data/vehicles", "/my-data/tax", "/my-data/social-insurance", "/my-data/customs"}) {
            mvc.perform(get(page).cookie(session)).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Exception"))));
        }
        mvc.perform(get("/my-data").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/my-data/vehicles")));
        mvc.perform(get("/vehicles").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/tax").cookie(session)).andExpect(status().isForbidden());
    }
}
