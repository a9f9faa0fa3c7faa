package mn.zasag.identity;

import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import mn.zasag.WebSessions;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class LoginTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    private MvcResult login(String login, String password, String ip) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }).param("username", login).param("password", password))
                .andReturn();
    }

    @Test
    void citizenLogsInWithRegisterNumberAndLandsOnTheirAccount() throws Exception {
        String rn = Fixtures.citizen(accounts);

        MvcResult result = login(rn.toLowerCase(), Fixtures.PASSWORD, "10.0.0.1");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.login.succeeded' and actor_login = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachStaffRoleLandsOnItsOwnPage() throws Exception {
        String agency = Fixtures.freshAgency(agencies);
        assertThat(login(Fixtures.staff(accounts, Role.OFFICER, agency), Fixtures.PASSWORD, "10.0.0.2").getResponse().getRedirectedUrl()).isEqualTo("/officer");
        assertThat(login(Fixtures.staff(accounts, Role.AGENCY_ADMIN, agency), Fixtures.PASSWORD, "10.0.0.2").getResponse().getRedirectedUrl()).isEqualTo("/admin/staff");
        assertThat(login(Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null), Fixtures.PASSWORD, "10.0.0.2").getResponse().getRedirectedUrl()).isEqualTo("/admin/agencies");
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        String rn = Fixtures.citizen(accounts);

        MvcResult result = login(rn, "not the password", "10.0.0.3");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(jdbc.sql("select details->>'reason' from audit.entry where action = 'identity.login.failed' and actor_login = :rn")
                .param("rn", rn).query(String.class).single()).isEqualTo("bad");
        mvc.perform(get("/login").param("error", "bad").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The login or password is wrong.")));
    }

    @Test
    void keepsTheTypedLoginAfterAWrongPasswordButNotThePassword() throws Exception {
        String rn = Fixtures.citizen(accounts);
        MvcResult failed = mvc.perform(post("/login").with(csrf()).param("username", rn).param("password", "not the password 1"))
                .andReturn();
        Cookie session = failed.getResponse().getCookie(WebSessions.COOKIE);

        mvc.perform(get("/login").param("error", "bad").cookie(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + rn + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("not the password 1"))));
        // shown once: a later visit starts empty
        mvc.perform(get("/login").cookie(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("value=\"" + rn + "\""))));
    }

    @Test
    void locksALoginAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        String rn = Fixtures.citizen(accounts);
        for (int i = 0; i < 5; i++) {
            assertThat(login(rn, "wrong password " + i, "10.0.1." + i).getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        }

        assertThat(login(rn, Fixtures.PASSWORD, "10.0.1.99").getResponse().getRedirectedUrl()).isEqualTo("/login?error=locked");
    }

    @Test
    void throttlesAnAddressThatFailsAcrossManyLogins() throws Exception {
        for (int i = 0; i < 30; i++) {
            login("nobody-" + i, "whatever password", "10.0.2.1");
        }
        String rn = Fixtures.citizen(accounts);

        assertThat(login(rn, Fixtures.PASSWORD, "10.0.2.1").getResponse().getRedirectedUrl()).isEqualTo("/login?error=throttled");
        assertThat(login(rn, Fixtures.PASSWORD, "10.0.2.2").getResponse().getRedirectedUrl()).isEqualTo("/account");
    }

    @Test
    void disabledStaffCannotLogIn() throws Exception {
        String agency = Fixtures.freshAgency(agencies);
        String login = Fixtures.staff(accounts, Role.OFFICER, agency);
        long id = jdbc.sql("select id from identity.account where login = :l").param("l", login).query(Long.class).single();
        accounts.setEnabled(id, false, null);

        assertThat(login(login, Fixtures.PASSWORD, "10.0.3.1").getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");
        // a wrong password on a disabled account says only "wrong", revealing nothing about the account
        assertThat(login(login, "a wrong password", "10.0.3.1").getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
    }

    @Test
    void changesTheSessionIdOnLoginAgainstFixation() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie(WebSessions.COOKIE);
        assertThat(anonymous).isNotNull();

        MvcResult result = mvc.perform(post("/login").cookie(anonymous).with(csrf())
                .param("username", rn).param("password", Fixtures.PASSWORD)).andReturn();

        Cookie authenticated = result.getResponse().getCookie(WebSessions.COOKIE);
        assertThat(authenticated).isNotNull();
        assertThat(authenticated.getValue()).isNotEqualTo(anonymous.getValue());
        // the old id no longer opens anything
        mvc.perform(get("/account").cookie(anonymous)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").cookie(authenticated)).andExpect(status().isOk());
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie session = WebSessions.login(mvc, rn);
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/?loggedOut"));

        mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.logout' and actor_login = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anonymousVisitorOfAProtectedPageIsSentToLogin() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
