package mn.zasag.exchange;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class ExchangePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Directory directory;
    @Autowired
    CivilRegistry registry;
    @Autowired
    Exchange exchange;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenSeesWhoAskedAboutThemWithThePurposeAndNobodyElseSeesIt() throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        String service = directory.publish(provider.subsystemId(), "civil-registry.address", null, null).id();
        directory.grant(service, null, client.subsystemId(), null);
        String rn = ExchangeFixtures.person(agencies, registry);
        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Сараа", "+97699001122", null, Fixtures.PASSWORD));
        assertThat(exchange.call("test", client.subsystemId(), service,
                new Exchange.Request("GET", "/" + rn, "MN" + client.login(), "Тэтгэмжийн өргөдөл №42", null, null, null)).ok()).isTrue();

        Cookie citizen = WebSessions.login(mvc, rn);
        mvc.perform(get("/my-data/usage").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Тэтгэмжийн өргөдөл №42")))
                .andExpect(content().string(containsString(client.subsystemId())))
                .andExpect(content().string(containsString("MN" + client.login())));

        String other = Fixtures.citizen(accounts);
        mvc.perform(get("/my-data/usage").cookie(WebSessions.login(mvc, other))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Тэтгэмжийн өргөдөл №42"))));
    }

    @Test
    void aCitizenGrantsAConsentThatTheClientThenUses() throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "bank");
        String service = directory.publish(provider.subsystemId(), "civil-registry.id-card-status", null, null).id();
        directory.configure(service, "METADATA", true, 5000, true, null);
        directory.grant(service, null, client.subsystemId(), null);
        String rn = ExchangeFixtures.person(agencies, registry);
        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Сараа", "+97699001122", null, Fixtures.PASSWORD));
        Cookie citizen = WebSessions.login(mvc, rn);

        mvc.perform(post("/my-data/consents").cookie(citizen).with(csrf()).param("client", client.subsystemId()).param("service", service)
                .param("purpose", "Зээл").param("days", "7")).andExpect(status().is3xxRedirection());
        String consent = jdbc.sql("select id::text from exchange.consent where person = :p").param("p", rn).query(String.class).single();
        Exchange.Response ok = exchange.call("test", client.subsystemId(), service,
                new Exchange.Request("GET", "/" + rn, null, "Зээл", consent, null, null));
        assertThat(ok.status()).isEqualTo(200);

        mvc.perform(post("/my-data/consents/revoke").cookie(citizen).with(csrf()).param("id", consent)).andExpect(status().is3xxRedirection());
        assertThat(exchange.call("test", client.subsystemId(), service,
                new Exchange.Request("GET", "/" + rn, null, "Зээл", consent, null, null)).error()).isEqualTo("Client.ConsentRequired");
    }

    @Test
    void anAgencyAdminManagesOnlyTheirOwnMemberAndEveryChangeIsAudited() throws Exception {
        ExchangeFixtures.Party mine = ExchangeFixtures.party(agencies, accounts, tokens, directory, "portal");
        ExchangeFixtures.Party theirs = ExchangeFixtures.party(agencies, accounts, tokens, directory, "portal");
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.AGENCY_ADMIN, mine.agency()));
        mvc.perform(get("/admin/exchange").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.memberId()))).andExpect(content().string(not(containsString(theirs.memberId()))));
        mvc.perform(post("/admin/exchange/services").cookie(admin).with(csrf()).param("subsystemId", mine.subsystemId())
                .param("provider", "civil-registry.person")).andExpect(status().is3xxRedirection());
        assertThat(directory.service(mine.subsystemId() + "/person")).isPresent();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'exchange.service.published' and object_id = :id")
                .param("id", mine.subsystemId() + "/person").query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/admin/exchange/services").cookie(admin).with(csrf()).param("subsystemId", theirs.subsystemId())
                .param("provider", "civil-registry.person")).andExpect(status().is3xxRedirection());
        assertThat(directory.service(theirs.subsystemId() + "/person")).isEmpty();
        mvc.perform(get("/admin/exchange").cookie(WebSessions.login(mvc, Fixtures.citizen(accounts)))).andExpect(status().isForbidden());
    }

    @Test
    void thePlatformAdminRegistersMembersOverTheApiAndBadInputIsAProblem() throws Exception {
        String code = ExchangeFixtures.memberCode();
        mvc.perform(post("/api/v1/exchange/members").header("Authorization", "Bearer " + adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"memberClass\":\"COM\",\"memberCode\":\"" + code + "\",\"name\":\"Хаан банк\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("MN/COM/" + code));
        mvc.perform(post("/api/v1/exchange/members").header("Authorization", "Bearer " + adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"memberClass\":\"GOV\",\"memberCode\":\"12\",\"name\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("exchange_member_invalid"));
        mvc.perform(post("/api/v1/exchange/members").header("Authorization", "Bearer " + adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"memberClass\":\"COM\",\"memberCode\":\"" + code + "\",\"name\":\"x\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("exchange_member_exists"));
    }

    private String admin;

    private String adminToken() {
        if (admin == null) {
            String login = Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null);
            long id = jdbc.sql("select id from identity.account where login = :l").param("l", login).query(Long.class).single();
            admin = "zsg_test_xadmin_" + id;
            tokens.grant(id, admin);
        }
        return admin;
    }
}
