package mn.zasag.customs;

import mn.zasag.HoldingsFixtures;
import mn.zasag.HoldingsFixtures.Citizen;
import mn.zasag.HoldingsFixtures.Staff;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class CustomsDebtsTests {

    private static final AtomicInteger DECLARATIONS = new AtomicInteger();

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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Staff officer;

    @BeforeEach
    void anOfficerOfTheCustomsAdministration() {
        officer = HoldingsFixtures.officer(agencies, accounts, tokens, CustomsDebts.OWNER_AGENCY);
    }

    private static String declaration() {
        return "T" + System.nanoTime() % 100000 + "/2026-" + DECLARATIONS.incrementAndGet();
    }

    private ResultActions post(String token, String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions assess(String token, String debtor, String declaration, String amount) throws Exception {
        return post(token, "/api/v1/registry/customs/debts",
                "{\"debtor\":\"%s\",\"declaration\":\"%s\",\"amount\":%s,\"assessedOn\":\"2026-03-01\",\"legalBasis\":\"Акт\"}"
                        .formatted(debtor, declaration, amount));
    }

    private long assessed(String debtor) throws Exception {
        String body = assess(officer.token(), debtor, declaration(), "1000").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private ResultActions pay(long debt, String amount, String on) throws Exception {
        return post(officer.token(), "/api/v1/registry/customs/debts/" + debt + "/payments",
                "{\"amount\":%s,\"paidOn\":\"%s\",\"legalBasis\":\"Төлбөрийн баримт\"}".formatted(amount, on));
    }

    private long payments(long debt) {
        return jdbc.sql("select count(*) from customs.payment where debt_id = :d").param("d", debt).query(Long.class).single();
    }

    @Test
    void paymentsReduceWhatIsOwedUntilTheDebtorIsClear() throws Exception {
        String entity = HoldingsFixtures.entity(entities, persons);
        long debt = assessed(entity);
        pay(debt, "400", "2026-03-05").andExpect(status().isCreated()).andExpect(jsonPath("$.outstanding").value(600))
                .andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(get("/api/v1/registry/customs/debtors/{d}", entity).header("Authorization", "Bearer " + officer.token())
                        .header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clear").value(false)).andExpect(jsonPath("$.outstanding").value(600));
        pay(debt, "600", "2026-03-06").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.payments", hasSize(2)));
        mvc.perform(get("/api/v1/registry/customs/debtors/{d}", entity).header("Authorization", "Bearer " + officer.token())
                        .header("X-Legal-Basis", "Шалгалт"))
                .andExpect(jsonPath("$.clear").value(true)).andExpect(jsonPath("$.debts", hasSize(1)));
    }

    @Test
    void aPaymentLargerThanWhatIsOwedIsRefusedAndNothingIsWritten() throws Exception {
        long debt = assessed(HoldingsFixtures.entity(entities, persons));
        pay(debt, "1000.01", "2026-03-05").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("payment_exceeds_debt"));
        pay(debt, "10", "2026-02-28").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("date_before_assessment"));
        pay(debt, "-1", "2026-03-05").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        pay(debt + 100000, "1", "2026-03-05").andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("debt_not_found"));
        assertThat(payments(debt)).isZero();
    }

    @Test
    void badDebtsAreRefused() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        String declaration = declaration();
        assess(officer.token(), mn.zasag.Fixtures.freshRegisterNumber(), declaration, "10")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("debtor_unknown"));
        assess(officer.token(), HoldingsFixtures.unregisteredEntity(), declaration, "10")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("debtor_unknown"));
        assess(officer.token(), rn, "№ 1 <script>", "10")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("declaration_invalid"));
        assess(officer.token(), rn, declaration, "0").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        assess(officer.token(), rn, declaration, "10").andExpect(status().isCreated());
        assess(officer.token(), rn, declaration, "10").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("declaration_exists"));
        Staff police = HoldingsFixtures.officer(agencies, accounts, tokens, "POLICE");
        assess(police.token(), rn, declaration(), "10")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("customs_owner_only"));
        assertThat(jdbc.sql("select count(*) from customs.debt where debtor_id = :d").param("d", rn).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCitizenSeesTheirOwnCustomsDebts() throws Exception {
        Citizen citizen = HoldingsFixtures.citizen(persons, accounts, tokens);
        mvc.perform(get("/api/v1/registry/customs/me").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clear").value(true));
        assessed(citizen.registerNumber());
        mvc.perform(get("/api/v1/registry/customs/me").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clear").value(false)).andExpect(jsonPath("$.debts", hasSize(1)));
    }
}
