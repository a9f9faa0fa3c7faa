package mn.zasag.identity;

import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class CitizenRegistrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder register(String registerNumber, String password, String confirmation) {
        return register(registerNumber, password, confirmation, java.util.Map.of());
    }

    /** A registration form; {@code overrides} replace single fields (MockMvc's param() would add a second value). */
    private MockHttpServletRequestBuilder register(String registerNumber, String password, String confirmation,
                                                   java.util.Map<String, String> overrides) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("registerNumber", registerNumber);
        fields.put("familyName", "Дорж");
        fields.put("givenName", "Номин-Эрдэнэ");
        fields.put("mobile", "9911 2233");
        fields.put("email", "nomin@example.mn");
        fields.put("password", password);
        fields.put("passwordConfirmation", confirmation);
        fields.putAll(overrides);
        MockHttpServletRequestBuilder request = post("/register").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void registersCitizenWithValidRegisterNumberAndStoresOnlyAHash() throws Exception {
        String rn = Fixtures.freshRegisterNumber().toLowerCase();

        mvc.perform(register(rn, "a long enough secret", "a long enough secret"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?registered"));

        var row = jdbc.sql("select login, mobile, password_hash from identity.account where register_number = :rn")
                .param("rn", rn.toUpperCase()).query().singleRow();
        assertThat(row.get("login")).isEqualTo(rn.toUpperCase());
        assertThat(row.get("mobile")).isEqualTo("+97699112233");
        assertThat((String) row.get("password_hash")).startsWith("{argon2}").doesNotContain("a long enough secret");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.account.registered' and actor_login = :rn")
                .param("rn", rn.toUpperCase()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectsRegisterNumberWithLatinLettersWithAClearMessage() throws Exception {
        mvc.perform(register("AB90052114", "a long enough secret", "a long enough secret").header("Accept-Language", "mn"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Регистрийн дугаарын үсгийг латинаар биш кириллээр бичнэ үү.")))
                // what the citizen typed is kept, except the password
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Номин-Эрдэнэ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("a long enough secret"))));
    }

    @Test
    void rejectsImpossibleBirthDate() throws Exception {
        mvc.perform(register("УБ90133114", "a long enough secret", "a long enough secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("төрсөн огноо биш")));
    }

    @Test
    void rejectsDuplicateRegistration() throws Exception {
        String rn = Fixtures.freshRegisterNumber();
        mvc.perform(register(rn, "a long enough secret", "a long enough secret")).andExpect(status().is3xxRedirection());

        mvc.perform(register(rn, "another long secret", "another long secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("аль хэдийн үүссэн")));
        assertThat(jdbc.sql("select count(*) from identity.account where register_number = :rn").param("rn", rn)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectsMismatchedPasswordsShortPasswordsAndBadMobileInEnglish() throws Exception {
        mvc.perform(register(Fixtures.freshRegisterNumber(), "short", "short", java.util.Map.of("mobile", "12345")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A password has 10 to 128 characters.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter an 8-digit Mongolian mobile number")));

        mvc.perform(register(Fixtures.freshRegisterNumber(), "a long enough secret", "another secret!!").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The repeated password does not match.")));
    }

    @Test
    void rejectsOverLongAndMarkupNames() throws Exception {
        mvc.perform(register(Fixtures.freshRegisterNumber(), "a long enough secret", "a long enough secret",
                        java.util.Map.of("familyName", "Б".repeat(5000), "givenName", "<script>x</script>"))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A name can be at most 100 characters.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Use only letters, spaces and hyphens in a name.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>x"))));
    }

    @Test
    void missingNameGetsOneClearMessageNotTwo() throws Exception {
        String page = mvc.perform(register(Fixtures.freshRegisterNumber(), "a long enough secret", "a long enough secret", java.util.Map.of("familyName", ""))
                        .param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select(".error-summary li").eachText()).containsExactly("Enter your family name.");
        assertThat(html.select("#familyName-error").text()).isEqualTo("Enter your family name.");
        assertThat(html.select("#familyName").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        mvc.perform(post("/register").param("registerNumber", Fixtures.freshRegisterNumber()))
                .andExpect(status().isForbidden());
    }
}
