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
class StaffAdministrationTests {

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

    @Test
    void platformAdminRegistersAnAgencyAndItsAdmin() throws Exception {
        Cookie admin = loggedIn(Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        String code = "PA" + System.nanoTime() % 100000;

        mvc.perform(post("/admin/agencies").cookie(admin).with(csrf())
                        .param("code", code).param("nameMn", "Газрын харилцааны газар").param("nameEn", "Land agency"))
                .andExpect(redirectedUrl("/admin/agencies"));
        String login = Fixtures.freshLogin("land.admin");
        mvc.perform(post("/admin/staff").cookie(admin).with(csrf())
                        .param("login", login).param("role", "AGENCY_ADMIN").param("agencyCode", code)
                        .param("familyName", "Бат").param("givenName", "Болд").param("email", "").param("password", "land admin secret"))
                .andExpect(redirectedUrl("/admin/staff"));

        assertThat(jdbc.sql("select agency_code from identity.account where login = :l").param("l", login).query(String.class).single())
                .isEqualTo(code);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'catalog.agency.registered' and object_id = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void agencyAdminCreatesOfficersOnlyInTheirOwnAgency() throws Exception {
        String own = Fixtures.freshAgency(agencies);
        String other = Fixtures.freshAgency(agencies);
        Cookie agencyAdmin = loggedIn(Fixtures.staff(accounts, Role.AGENCY_ADMIN, own));
        String login = Fixtures.freshLogin("officer.");

        mvc.perform(post("/admin/staff").cookie(agencyAdmin).with(csrf())
                        .param("login", login).param("role", "OFFICER").param("agencyCode", other)
                        .param("familyName", "Бат").param("givenName", "Болд").param("password", "officer secret 1"))
                .andExpect(redirectedUrl("/admin/staff"));
        // the agency sent by the form is ignored: an agency admin only ever creates in their own agency
        assertThat(jdbc.sql("select agency_code from identity.account where login = :l").param("l", login).query(String.class).single())
                .isEqualTo(own);

        mvc.perform(post("/admin/staff").cookie(agencyAdmin).with(csrf()).param("lang", "en")
                        .param("login", Fixtures.freshLogin("boss.")).param("role", "PLATFORM_ADMIN")
                        .param("familyName", "Бат").param("givenName", "Болд").param("password", "officer secret 1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You may not create an account with this role.")));
    }

    @Test
    void agencyAdminCannotDisableStaffOfAnotherAgency() throws Exception {
        String own = Fixtures.freshAgency(agencies);
        String other = Fixtures.freshAgency(agencies);
        String victim = Fixtures.staff(accounts, Role.OFFICER, other);
        long victimId = jdbc.sql("select id from identity.account where login = :l").param("l", victim).query(Long.class).single();
        Cookie agencyAdmin = loggedIn(Fixtures.staff(accounts, Role.AGENCY_ADMIN, own));

        mvc.perform(post("/admin/staff/{id}/enabled", victimId).cookie(agencyAdmin).with(csrf()).param("enabled", "false"))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select enabled from identity.account where id = :id").param("id", victimId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void duplicateLoginAndBadAgencyCodeAreExplained() throws Exception {
        Cookie admin = loggedIn(Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        String taken = Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null);

        mvc.perform(post("/admin/staff").cookie(admin).with(csrf()).param("lang", "en")
                        .param("login", taken).param("role", "PLATFORM_ADMIN")
                        .param("familyName", "Бат").param("givenName", "Болд").param("password", "some secret 123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This login is already taken.")));
        mvc.perform(post("/admin/agencies").cookie(admin).with(csrf()).param("lang", "en")
                        .param("code", "bad code").param("nameMn", "Газар").param("nameEn", "Office"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A code starts with a capital Latin letter")));
    }

    @Test
    void citizenAndOfficerCannotOpenAdminPages() throws Exception {
        Cookie citizen = loggedIn(Fixtures.citizen(accounts));
        Cookie officer = loggedIn(Fixtures.staff(accounts, Role.OFFICER, Fixtures.freshAgency(agencies)));

        mvc.perform(get("/admin/staff").cookie(citizen)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/agencies").cookie(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/officer").cookie(citizen)).andExpect(status().isForbidden());
        mvc.perform(get("/officer").cookie(officer)).andExpect(status().isOk());
    }

    @Test
    void deniedAccessOfALoggedInAccountIsAudited() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie citizen = loggedIn(rn);

        mvc.perform(get("/admin/agencies").cookie(citizen)).andExpect(status().isForbidden());

        assertThat(jdbc.sql("""
                select object_id from audit.entry where action = 'security.access.denied' and outcome = 'DENIED' and actor_login = :rn
                """).param("rn", rn).query(String.class).single()).isEqualTo("GET /admin/agencies");
    }
}
