package mn.zasag;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sessions live in PostgreSQL (Spring Session), found by the session cookie, as in a browser; so tests
 * carry the cookie rather than a MockHttpSession.
 */
public final class WebSessions {

    public static final String COOKIE = "ZASAG_SESSION";

    private WebSessions() {
    }

    public static Cookie login(MockMvc mvc, String login, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + login).doesNotContain("error");
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        assertThat(cookie).as("session cookie after login").isNotNull();
        return cookie;
    }

    public static Cookie login(MockMvc mvc, String login) throws Exception {
        return login(mvc, login, Fixtures.PASSWORD);
    }
}
