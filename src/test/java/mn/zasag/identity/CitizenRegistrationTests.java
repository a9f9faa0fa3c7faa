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
        return post("/register").with(csrf())
                .param("registerNumber", registerNumber)
                .param("familyName", "Дорж")
                .param("givenName", "Номин-Эрдэнэ")
                .param("mobile", "9911 2233")
                .param("email", "nomin@example.mn")
                .param("password", password)
                .param("passwordConfirmation", confirmation);
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
        mvc.perform(register(Fixtures.freshRegisterNumber(), "short", "short").param("lang", "en")
                        .param("mobile", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A password has 10 to 128 characters.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter an 8-digit Mongolian mobile number")));

        mvc.perform(register(Fixtures.freshRegisterNumber(), "a long enough secret", "another secret!!").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The repeated password does not match.")));
    }

    @Test
    void rejectsOverLongAndMarkupNames() throws Exception {
        mvc.perform(register(Fixtures.freshRegisterNumber(), "a long enough secret", "a long enough secret")
                        .param("lang", "en").param("familyName", "Б".repeat(5000)).param("givenName", "<script>x</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A name can be at most 100 characters.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Use only letters, spaces and hyphens in a name.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>x"))));
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        mvc.perform(post("/register").param("registerNumber", Fixtures.freshRegisterNumber()))
                .andExpect(status().isForbidden());
    }
}
