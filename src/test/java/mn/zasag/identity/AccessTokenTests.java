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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class AccessTokenTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    private Cookie loggedIn(String login) throws Exception {
        return WebSessions.login(mvc, login);
    }

    private String createToken(Cookie session, String name) throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", name).param("days", "30"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        return (String) created.getFlashMap().get("newToken");
    }

    @Test
    void citizenCreatesATokenThatIsShownOnceStoredAsHashAndActsAsThem() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie session = loggedIn(rn);

        String token = createToken(session, "my script");

        assertThat(token).startsWith("zsg_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select count(*) from identity.access_token where token_hash like :t").param("t", "%" + token + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.login").value(rn))
                .andExpect(jsonPath("$.role").value("CITIZEN"));
        // the page after creation shows it once; afterwards the list shows only the prefix
        mvc.perform(get("/account/tokens").cookie(session)).andExpect(content().string(containsString(token)));
        mvc.perform(get("/account/tokens").cookie(session))
                .andExpect(content().string(containsString("my script")))
                .andExpect(content().string(containsString(token.substring(0, 10))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
    }

    @Test
    void revokedTokenIsRefusedWithProblemDetails() throws Exception {
        Cookie session = loggedIn(Fixtures.citizen(accounts));
        String token = createToken(session, "to revoke");
        long id = jdbc.sql("select id from identity.access_token where prefix = :p").param("p", token.substring(0, 10))
                .query(Long.class).single();

        mvc.perform(post("/account/tokens/{id}/revoke", id).cookie(session).with(csrf())).andExpect(redirectedUrl("/account/tokens"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    @Test
    void cannotRevokeSomeoneElsesToken() throws Exception {
        Cookie owner = loggedIn(Fixtures.citizen(accounts));
        String token = createToken(owner, "mine");
        long id = jdbc.sql("select id from identity.access_token where prefix = :p").param("p", token.substring(0, 10))
                .query(Long.class).single();
        Cookie other = loggedIn(Fixtures.citizen(accounts));

        mvc.perform(post("/account/tokens/{id}/revoke", id).cookie(other).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void tokenIsScopedToItsOwnersPermissions() throws Exception {
        Cookie citizen = loggedIn(Fixtures.citizen(accounts));
        String token = createToken(citizen, "citizen script");

        mvc.perform(post("/api/v1/agencies").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("{\"code\":\"NOPE\",\"nameMn\":\"Газар\",\"nameEn\":\"Office\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void platformAdminTokenRegistersAnAgencyAndBadInputIsAProblem() throws Exception {
        Cookie admin = loggedIn(Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        String token = createToken(admin, "admin script");
        String code = "API" + System.nanoTime() % 100000;

        mvc.perform(post("/api/v1/agencies").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("{\"code\":\"" + code + "\",\"nameMn\":\"Шинэ газар\",\"nameEn\":\"New office\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code));
        mvc.perform(post("/api/v1/agencies").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("{\"code\":\"" + code + "\",\"nameMn\":\"Шинэ газар\",\"nameEn\":\"New office\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("agency_exists"));
        mvc.perform(post("/api/v1/agencies").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("{\"code\":\"lower\",\"nameMn\":\"\",\"nameEn\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'nameEn')]").exists());
        mvc.perform(post("/api/v1/agencies").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_request"));
    }

    @Test
    void anonymousApiCallGetsUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    @Test
    void tokenNameIsValidated() throws Exception {
        Cookie session = loggedIn(Fixtures.citizen(accounts));
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "").param("days", "999").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name for the token.")))
                .andExpect(content().string(containsString("A token is valid for 1 to 365 days.")));
    }
}
