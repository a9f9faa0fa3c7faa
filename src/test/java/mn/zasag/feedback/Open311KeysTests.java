package mn.zasag.feedback;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Open311 API keys: issued once per client, kept hashed, listed, revoked, audited; the setting stays a bootstrap. */
@ZasagTest
class Open311KeysTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private int postWith(String key) throws Exception {
        return mvc.perform(post("/open311/v2/requests.json").with(FeedbackFixtures.freshAddress())
                        .param("api_key", key).param("service_code", "roads_transport").param("lat", "47.9").param("long", "106.9")
                        .param("description", "Замын нүх").param("phone", FeedbackFixtures.freshMobile()))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void aCentreAdminIssuesAKeyShownOnceThatWorksUntilRevoked() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.AGENCY_ADMIN, "CITA"));
        String client = "Тест апп " + System.nanoTime();
        String page = mvc.perform(post("/feedback/open311-keys").with(csrf()).cookie(admin).param("lang", "en").param("client", client))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("Copy it now")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("(o311_[A-Za-z0-9_-]{32})").matcher(page);
        assertThat(m.find()).isTrue();
        String key = m.group(1);

        assertThat(postWith(key)).isEqualTo(201);
        var row = jdbc.sql("select id, key_hash, last_used_at is not null as used from feedback.open311_key where client = :c")
                .param("c", client).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).single();
        assertThat((String) row[1]).as("only a hash is kept").hasSize(64).isNotEqualTo(key).doesNotContain(key);
        assertThat((Boolean) row[2]).isTrue();
        long id = (Long) row[0];
        mvc.perform(get("/feedback/open311-keys").cookie(admin).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString(client))).andExpect(content().string(not(containsString(key))));

        mvc.perform(post("/feedback/open311-keys/" + id + "/revoke").with(csrf()).cookie(admin)).andExpect(status().is3xxRedirection());
        assertThat(postWith(key)).isEqualTo(403);
        assertThat(postWith("test-open311-key")).as("the setting's bootstrap key still works").isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from audit.entry where action in ('feedback.open311_key.issued', 'feedback.open311_key.revoked') and object_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theApiIssuesListsAndRevokesAndOtherAgenciesAdminsMayNot() throws Exception {
        String login = Fixtures.freshLogin("keys-admin");
        long accountId = accounts.createStaff(new NewStaff(login, Role.PLATFORM_ADMIN, null, "Дорж", "Бат", null, Fixtures.PASSWORD));
        tokens.grant(accountId, "zsg_test_" + login);
        String bearer = "Bearer zsg_test_" + login;

        String body = mvc.perform(post("/api/v1/feedback/open311-keys").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"client\":\"API client\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.key").value(org.hamcrest.Matchers.startsWith("o311_")))
                .andReturn().getResponse().getContentAsString();
        String key = body.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/feedback/open311-keys").header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)))
                .andExpect(content().string(not(containsString(key))));
        mvc.perform(post("/api/v1/feedback/open311-keys").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"client\":\" \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("feedback_key_client_invalid"));
        mvc.perform(delete("/api/v1/feedback/open311-keys/" + id).header("Authorization", bearer)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/feedback/open311-keys/" + id).header("Authorization", bearer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("feedback_key_unknown"));

        String otherAdmin = Fixtures.freshLogin("gdt-admin");
        long otherId = accounts.createStaff(new NewStaff(otherAdmin, Role.AGENCY_ADMIN, "GDT", "Дорж", "Бат", null, Fixtures.PASSWORD));
        tokens.grant(otherId, "zsg_test_" + otherAdmin);
        mvc.perform(get("/api/v1/feedback/open311-keys").header("Authorization", "Bearer zsg_test_" + otherAdmin))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("feedback_not_your_agency"));
        mvc.perform(get("/api/v1/feedback/open311-keys").header("Authorization", "Bearer zsg_test_" + login.replace("keys", "no")))
                .andExpect(status().isUnauthorized());
    }
}
