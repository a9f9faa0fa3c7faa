package mn.zasag.tax;

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

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class TaxRegistryTests {

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

    Staff gdt;

    @BeforeEach
    void anOfficerOfTheTaxAuthority() {
        gdt = HoldingsFixtures.officer(agencies, accounts, tokens, TaxRegistry.OWNER_AGENCY);
    }

    private ResultActions post(String token, String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions register(String taxpayer, String office) throws Exception {
        return post(gdt.token(), "/api/v1/registry/taxpayers",
                "{\"taxpayer\":\"%s\",\"office\":\"%s\",\"registeredOn\":\"2020-01-01\",\"legalBasis\":\"Өргөдөл\"}"
                        .formatted(taxpayer, office));
    }

    private ResultActions entry(String taxpayer, String type, String taxType, String amount, String on) throws Exception {
        return post(gdt.token(), "/api/v1/registry/taxpayers/" + taxpayer + "/entries",
                "{\"type\":\"%s\",\"taxType\":\"%s\",\"amount\":%s,\"occurredOn\":\"%s\",\"reference\":\"А-1\",\"legalBasis\":\"Акт №1\"}"
                        .formatted(type, taxType, amount, on));
    }

    private ResultActions statement(String taxpayer) throws Exception {
        return mvc.perform(get("/api/v1/registry/taxpayers/{t}/statement", taxpayer)
                .header("Authorization", "Bearer " + gdt.token()).header("X-Legal-Basis", "Тодорхойлолт"));
    }

    private long entries(String taxpayer) {
        return jdbc.sql("select count(*) from tax.entry where taxpayer_id = :t").param("t", taxpayer).query(Long.class).single();
    }

    @Test
    void theBalanceIsAssessedLessPaidPerTaxAndNoDebtWhenAllIsPaid() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        register(rn, "1110").andExpect(status().isCreated()).andExpect(jsonPath("$.noDebt").value(true));
        statement(rn).andExpect(status().isOk()).andExpect(jsonPath("$.noDebt").value(true));

        entry(rn, "ASSESSMENT", "VEHICLE", "86400", "2026-02-01").andExpect(status().isCreated());
        entry(rn, "ASSESSMENT", "PROPERTY", "120000.50", "2026-02-02").andExpect(status().isCreated());
        entry(rn, "PAYMENT", "VEHICLE", "86400", "2026-03-01").andExpect(status().isCreated());
        statement(rn).andExpect(jsonPath("$.noDebt").value(false)).andExpect(jsonPath("$.balance").value(120000.50));
        mvc.perform(get("/api/v1/registry/taxpayers/{t}", rn).header("Authorization", "Bearer " + gdt.token())
                        .header("X-Legal-Basis", "Шалгалт"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries", hasSize(3)))
                .andExpect(jsonPath("$.balances.PROPERTY").value(120000.50))
                .andExpect(jsonPath("$.balances.VEHICLE").doesNotExist());

        entry(rn, "PAYMENT", "PROPERTY", "120000.50", "2026-03-02").andExpect(status().isCreated());
        statement(rn).andExpect(jsonPath("$.noDebt").value(true)).andExpect(jsonPath("$.balance").value(0));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'tax.taxpayer.read' and object_id = :t")
                .param("t", rn).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aPaymentLargerThanTheDebtOfItsTaxIsRefusedAndNothingIsWritten() throws Exception {
        String entity = HoldingsFixtures.entity(entities, persons);
        register(entity, "1107").andExpect(status().isCreated()).andExpect(jsonPath("$.taxpayer.kind").value("ENTITY"));
        entry(entity, "ASSESSMENT", "VAT", "1000", "2026-02-01").andExpect(status().isCreated());
        entry(entity, "PAYMENT", "VAT", "1000.01", "2026-02-02")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("payment_exceeds_debt"));
        entry(entity, "PAYMENT", "CORPORATE_INCOME", "10", "2026-02-02")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("payment_exceeds_debt"));
        assertThat(entries(entity)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithItsCode() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        register(rn, "9999").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("tax_office_unknown"));
        register(mn.zasag.Fixtures.freshRegisterNumber(), "1110")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("taxpayer_unknown"));
        register("УБ9005211", "1110").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("register_number_invalid"));
        register("12345678", "1110").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("entity_number_invalid"));
        register(rn, "1110").andExpect(status().isCreated());
        register(rn, "1110").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("taxpayer_exists"));

        entry(rn, "ASSESSMENT", "VAT", "0", "2026-02-01").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        entry(rn, "ASSESSMENT", "VAT", "-5", "2026-02-01").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        entry(rn, "ASSESSMENT", "VAT", "1.001", "2026-02-01").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        entry(rn, "ASSESSMENT", "VAT", "100", LocalDate.now().plusDays(3).toString())
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("date_in_future"));
        entry(rn, "ASSESSMENT", "VAT", "100", "2019-12-31")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("date_before_registration"));
        entry(rn, "ASSESSMENT", "NO_SUCH_TAX", "100", "2026-02-01").andExpect(status().isBadRequest());
        register(HoldingsFixtures.unregisteredEntity(), "1110")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("taxpayer_unknown"));
        entry(HoldingsFixtures.unregisteredEntity(), "ASSESSMENT", "VAT", "100", "2026-02-01")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("taxpayer_not_found"));
        assertThat(entries(rn)).isZero();
    }

    @Test
    void onlyTheTaxAuthorityWrites() throws Exception {
        Staff customs = HoldingsFixtures.officer(agencies, accounts, tokens, "CUSTOMS");
        String rn = HoldingsFixtures.person(persons);
        post(customs.token(), "/api/v1/registry/taxpayers",
                "{\"taxpayer\":\"%s\",\"office\":\"1110\",\"legalBasis\":\"x\"}".formatted(rn))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("tax_owner_only"));
        register(rn, "1110").andExpect(status().isCreated());
        post(customs.token(), "/api/v1/registry/taxpayers/" + rn + "/entries",
                "{\"type\":\"ASSESSMENT\",\"taxType\":\"VAT\",\"amount\":5,\"legalBasis\":\"x\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("tax_owner_only"));
        assertThat(entries(rn)).isZero();
    }

    @Test
    void aCitizenSeesTheirOwnAccount() throws Exception {
        Citizen citizen = HoldingsFixtures.citizen(persons, accounts, tokens);
        mvc.perform(get("/api/v1/registry/me/tax").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("taxpayer_not_found"));
        register(citizen.registerNumber(), "1110").andExpect(status().isCreated());
        entry(citizen.registerNumber(), "ASSESSMENT", "PROPERTY", "5000", "2026-02-01").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/me/tax").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.noDebt").value(false)).andExpect(jsonPath("$.entries", hasSize(1)));
        mvc.perform(get("/api/v1/registry/taxpayers/{t}/statement", citizen.registerNumber())
                .header("Authorization", "Bearer " + citizen.token()).header("X-Legal-Basis", "x")).andExpect(status().isForbidden());
    }
}
