package mn.zasag.socialinsurance;

import mn.zasag.HoldingsFixtures;
import mn.zasag.HoldingsFixtures.Citizen;
import mn.zasag.HoldingsFixtures.Staff;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class SocialInsuranceTests {

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

    Staff gasi;

    @BeforeEach
    void anOfficerOfTheSocialInsuranceAuthority() {
        gasi = HoldingsFixtures.officer(agencies, accounts, tokens, SocialInsurance.OWNER_AGENCY);
    }

    private ResultActions contribute(String token, String rn, String employer, String month, String wage, String amount)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/registry/insured/" + rn + "/contributions")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"employer\":\"%s\",\"month\":\"%s\",\"wage\":%s,\"amount\":%s,\"legalBasis\":\"Тайлан №2\"}"
                        .formatted(employer, month, wage, amount)));
    }

    private long contributions(String rn) {
        return jdbc.sql("select count(*) from socialinsurance.contribution where register_number = :rn").param("rn", rn)
                .query(Long.class).single();
    }

    @Test
    void insuredMonthsCountEachMonthOnceWhateverTheEmployers() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        String first = HoldingsFixtures.entity(entities, persons);
        String second = HoldingsFixtures.entity(entities, persons);
        contribute(gasi.token(), rn, first, "2026-01", "2000000", "480000").andExpect(status().isCreated())
                .andExpect(jsonPath("$.month").value("2026-01"));
        contribute(gasi.token(), rn, first, "2026-02", "2000000", "480000").andExpect(status().isCreated());
        contribute(gasi.token(), rn, second, "2026-02", "1000000", "240000").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/registry/insured/{rn}", rn).header("Authorization", "Bearer " + gasi.token())
                        .header("X-Legal-Basis", "Тэтгэврийн хүсэлт №8"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.insuredMonths").value(2))
                .andExpect(jsonPath("$.contributions", hasSize(3))).andExpect(jsonPath("$.totalPaid").value(1200000));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'socialinsurance.person.read' and object_id = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void impossibleMonthsAmountsAndDuplicatesAreRefused() throws Exception {
        String rn = HoldingsFixtures.person(persons);
        String employer = HoldingsFixtures.entity(entities, persons);
        String nextMonth = YearMonth.now().plusMonths(1).toString();
        contribute(gasi.token(), rn, employer, nextMonth, "1000", "100")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("month_in_future"));
        String beforeBirth = YearMonth.from(RegisterNumber.parse(rn).birthDate()).minusMonths(1).toString();
        contribute(gasi.token(), rn, employer, beforeBirth, "1000", "100")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("month_before_birth"));
        contribute(gasi.token(), rn, employer, "2026-13", "1000", "100")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("month_invalid"));
        contribute(gasi.token(), rn, employer, "2026-01", "1000", "1000.01")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("amount_exceeds_wage"));
        contribute(gasi.token(), rn, employer, "2026-01", "0", "0")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("amount_invalid"));
        contribute(gasi.token(), rn, rn, "2026-01", "1000", "100")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("employer_invalid"));
        contribute(gasi.token(), rn, HoldingsFixtures.unregisteredEntity(), "2026-01", "1000", "100")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("employer_unknown"));
        contribute(gasi.token(), mn.zasag.Fixtures.freshRegisterNumber(), employer, "2026-01", "1000", "100")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("insured_unknown"));
        contribute(gasi.token(), "АА00000000", employer, "2026-01", "1000", "100")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("register_number_invalid"));
        assertThat(contributions(rn)).isZero();

        contribute(gasi.token(), rn, employer, "2026-01", "1000", "240").andExpect(status().isCreated());
        contribute(gasi.token(), rn, employer, "2026-01", "1000", "240")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("contribution_exists"));
        assertThat(contributions(rn)).isEqualTo(1);
    }

    @Test
    void onlyTheSocialInsuranceAuthorityWrites() throws Exception {
        Staff gdt = HoldingsFixtures.officer(agencies, accounts, tokens, "GDT");
        String rn = HoldingsFixtures.person(persons);
        contribute(gdt.token(), rn, HoldingsFixtures.entity(entities, persons), "2026-01", "1000", "240")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("insurance_owner_only"));
        assertThat(contributions(rn)).isZero();
    }

    @Test
    void aCitizenSeesTheirOwnContributions() throws Exception {
        Citizen citizen = HoldingsFixtures.citizen(persons, accounts, tokens);
        contribute(gasi.token(), citizen.registerNumber(), HoldingsFixtures.entity(entities, persons), "2025-12", "1500000", "360000")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/me/social-insurance").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.insuredMonths").value(1));
        mvc.perform(get("/api/v1/registry/insured/{rn}", citizen.registerNumber())
                .header("Authorization", "Bearer " + citizen.token()).header("X-Legal-Basis", "x")).andExpect(status().isForbidden());
    }
}
