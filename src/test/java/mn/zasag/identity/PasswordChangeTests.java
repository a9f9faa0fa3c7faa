package mn.zasag.identity;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class PasswordChangeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void citizenChangesPasswordAndLogsInWithTheNewOne() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie session = WebSessions.login(mvc, rn);

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "a brand new passphrase")
                        .param("newPasswordConfirmation", "a brand new passphrase"))
                .andExpect(redirectedUrl("/account"));

        WebSessions.login(mvc, rn, "a brand new passphrase");
        assertThat(mvc.perform(post("/login").with(csrf()).param("username", rn).param("password", Fixtures.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.password.changed' and actor_login = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordIsRefusedAndAudited() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie session = WebSessions.login(mvc, rn);

        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("lang", "en")
                        .param("currentPassword", "not my password")
                        .param("newPassword", "a brand new passphrase")
                        .param("newPasswordConfirmation", "a brand new passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is wrong.")));

        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.password.change_refused' and actor_login = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
        WebSessions.login(mvc, rn);
    }

    @Test
    void newPasswordMustMatchItsRepetitionAndThePolicy() throws Exception {
        Cookie session = WebSessions.login(mvc, Fixtures.citizen(accounts));

        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("lang", "en")
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "short")
                        .param("newPasswordConfirmation", "other"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A password has 10 to 128 characters.")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("lang", "en")
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "long enough one")
                        .param("newPasswordConfirmation", "long enough two"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The repeated password does not match.")));
    }
}
