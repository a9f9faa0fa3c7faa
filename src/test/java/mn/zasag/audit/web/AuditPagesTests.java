package mn.zasag.audit.web;

import jakarta.servlet.http.Cookie;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.audit.StaffActor;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import static mn.zasag.audit.AuditFixtures.uniqueAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit page as officers and admins see it, in both languages. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesTests {

    private static final StaffActor OFFICER = StaffActor.officer("page.officer", "GASR");
    private static final StaffActor ADMIN = StaffActor.platformAdmin("page.admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    Agencies agencies;

    @Autowired
    Accounts accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void showsTheTrailInMongolianByDefault() throws Exception {
        mvc.perform(get("/audit").with(user(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Аудитын бүртгэл</h1>"),
                        containsString("Та өөрийн байгууллагын (GASR) ажилтнуудын үйлдлийг харж байна."),
                        containsString(">Хайх</button>"),
                        not(containsString("??")))));
    }

    @Test
    void showsTheTrailInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/audit").param("lang", "en").with(user(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Audit trail</h1>"),
                        containsString("You see what the people of your agency (GASR) did."),
                        containsString(">Search</button>"),
                        not(containsString("Аудитын бүртгэл")),
                        not(containsString("??")))));
    }

    @Test
    void listsOnlyTheEntriesOfTheOfficersAgency() throws Exception {
        String action = uniqueAction("page");
        StaffActor.officer("gasr.page", "GASR").signIn();
        trail.record(AuditEvent.success(action, "account", "1"));
        StaffActor.officer("police.page", "POLICE").signIn();
        trail.record(AuditEvent.success(action, "account", "2"));
        SecurityContextHolder.clearContext();

        mvc.perform(get("/audit").param("action", action).param("lang", "en").with(user(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("gasr.page"), not(containsString("police.page")))));
        mvc.perform(get("/audit").param("action", action).param("lang", "en").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("gasr.page"), containsString("police.page"),
                        containsString("You see the entries of all agencies."))));
    }

    @Test
    void linksToOlderEntriesKeepingTheFilters() throws Exception {
        String action = uniqueAction("page.older");
        ADMIN.signIn();
        for (int i = 1; i <= 3; i++) {
            trail.record(AuditEvent.success(action, "test", String.valueOf(i)));
        }
        SecurityContextHolder.clearContext();

        MvcResult first = mvc.perform(get("/audit").param("action", action).param("size", "2").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andReturn();
        String html = first.getResponse().getContentAsString();
        String next = html.replaceAll("(?s).*<a rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/audit?").contains("action=" + action).contains("size=2").contains("before=");

        mvc.perform(get(next).with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<td>test 1</td>"), not(containsString("<td>test 3</td>")),
                        not(containsString("rel=\"next\"")))));
    }

    @Test
    void explainsABadFilterOnThePageItself() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-13-45").param("lang", "en").with(user(OFFICER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Enter dates as YYYY-MM-DD, for example 2026-11-27."),
                        containsString("value=\"2026-13-45\""))));
        mvc.perform(get("/audit").param("from", "2026-12-01").param("to", "2026-11-01").with(user(OFFICER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Эхлэх огноо дуусах огнооноос хойш байна.")));
    }

    @Test
    void sendsAnAnonymousVisitorToTheLoginPage() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesACitizen() throws Exception {
        mvc.perform(get("/audit").with(user(StaffActor.citizen("УБ90052114")))).andExpect(status().isForbidden());
    }

    @Test
    void offersVerificationOnlyToThoseWhoMayVerify() throws Exception {
        mvc.perform(get("/audit").with(user(OFFICER)))
                .andExpect(content().string(not(containsString("action=\"/audit/verify\""))));
        mvc.perform(get("/audit").with(user(ADMIN)))
                .andExpect(content().string(containsString("action=\"/audit/verify\"")));
    }

    @Test
    void verifiesTheChainAndSaysItIsIntact() throws Exception {
        mvc.perform(post("/audit/verify").param("lang", "en").with(user(ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The chain is intact: "), containsString("role=\"status\""))));
    }

    @Test
    void refusesVerificationWithoutACsrfTokenOrThePermission() throws Exception {
        mvc.perform(post("/audit/verify").with(user(ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(user(OFFICER)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anOfficerWhoReallyLoggedInFindsTheirLoginInTheTrail() throws Exception {
        String agency = "AUD" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
        String login = "officer." + agency.toLowerCase();
        String password = "correct horse battery staple";
        agencies.register(new Agency(agency, "Туршилтын газар", "Test authority"));
        accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Бат", "Дорж", null, password));

        MvcResult loggedIn = mvc.perform(formLogin("/login").user(login).password(password))
                .andExpect(redirectedUrl("/officer"))
                .andReturn();
        // ZASAG_SESSION on a real server; without one (MockMvc) Spring Session keeps its default name
        Cookie session = Arrays.stream(loggedIn.getResponse().getCookies())
                .filter(c -> c.getName().endsWith("SESSION")).findFirst().orElseThrow();

        mvc.perform(get("/audit").param("lang", "en").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("You see what the people of your agency (" + agency + ") did."),
                        containsString("<span class=\"hint\">identity.login.succeeded</span>"),
                        containsString("<span>" + login + "</span>"))));
    }
}
