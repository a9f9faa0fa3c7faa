package mn.zasag.audit.web;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.audit.StaffActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static mn.zasag.audit.AuditFixtures.uniqueAction;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit API as a script sees it: JSON answers, and problems with stable codes for every refusal. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() throws Exception {
        for (String path : new String[] {"/api/v1/audit/entries", "/api/v1/audit/verify"}) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"zasag\""))
                    .andExpect(jsonPath("$.code").value("unauthenticated"));
        }
    }

    @Test
    void aCitizenMayNotSearchTheTrail() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").with(user(StaffActor.citizen("УБ90052114"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void anOfficerMayNotVerifyTheChain() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(user(StaffActor.officer("officer", "GASR"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void anOfficerFindsWhatPeopleOfTheirAgencyDidAndNothingElse() throws Exception {
        String action = uniqueAction("api");
        StaffActor.officer("gasr.api", "GASR").signIn();
        trail.record(AuditEvent.success(action, "account", "5"));
        StaffActor.officer("police.api", "POLICE").signIn();
        trail.record(AuditEvent.success(action, "account", "6"));
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v1/audit/entries").param("action", action).with(user(StaffActor.officer("gasr.reader", "GASR"))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].actorLogin").value("gasr.api"))
                .andExpect(jsonPath("$.entries[0].objectType").value("account"))
                .andExpect(jsonPath("$.entries[0].hash").isString())
                .andExpect(jsonPath("$.nextBefore").value(nullValue()))
                .andExpect(jsonPath("$.scope.agency").value("GASR"));

        mvc.perform(get("/api/v1/audit/entries").param("action", action).with(user(StaffActor.platformAdmin("admin.api"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].actorLogin", contains("police.api", "gasr.api")))
                .andExpect(jsonPath("$.scope.all").value(true));
    }

    @Test
    void givesTheKeyOfTheNextPage() throws Exception {
        String action = uniqueAction("api.pages");
        StaffActor.platformAdmin("admin.pages").signIn();
        for (int i = 1; i <= 3; i++) {
            trail.record(AuditEvent.success(action, "test", String.valueOf(i)));
        }
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v1/audit/entries").param("action", action).param("size", "2")
                        .with(user(StaffActor.platformAdmin("admin.api"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].objectId", contains("3", "2")))
                .andExpect(jsonPath("$.nextBefore").isNumber());
    }

    @Test
    void aPlatformAdminVerifiesTheChain() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(user(StaffActor.platformAdmin("admin.verify"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.entriesChecked").isNumber())
                .andExpect(jsonPath("$.brokenEntryId").value(nullValue()))
                .andExpect(jsonPath("$.defect").value(nullValue()));
    }

    @ParameterizedTest(name = "{0}={1} is refused with {2}")
    @CsvSource(delimiter = '|', textBlock = """
            from       | 2026-13-45      | audit_date_invalid
            to         | yesterday       | audit_date_invalid
            from       | +100000-01-01   | audit_date_invalid
            from       | 1899-12-31      | audit_date_invalid
            size       | 101             | audit_page_size_invalid
            size       | 0               | audit_page_size_invalid
            size       | ten             | audit_page_size_invalid
            size       | 99999999999999  | audit_page_size_invalid
            outcome    | MAYBE           | audit_outcome_invalid
            before     | abc             | audit_cursor_invalid
            before     | -1              | audit_cursor_invalid
            actor      | a{NUL}b         | audit_filter_invalid
            """)
    void refusesABadFilterWithAProblemNamingIt(String parameter, String value, String code) throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param(parameter, value.replace("{NUL}", "\0"))
                        .with(user(StaffActor.platformAdmin("admin.bad"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void refusesADateRangeThatEndsBeforeItStarts() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("from", "2026-12-01").param("to", "2026-11-01").param("lang", "en")
                        .with(user(StaffActor.officer("officer.range", "GASR"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("audit_date_range_invalid"))
                .andExpect(jsonPath("$.detail").value("The start date is after the end date."));
    }

    @Test
    void refusesAVeryLongSearchTerm() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("objectId", "x".repeat(201))
                        .with(user(StaffActor.officer("officer.long", "GASR"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("audit_filter_invalid"));
    }
}
