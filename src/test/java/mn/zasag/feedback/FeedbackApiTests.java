package mn.zasag.feedback;

import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An agency's queue over REST, and its refusals as problem details. */
@ZasagTest
class FeedbackApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    FeedbackCases cases;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private String token(String agency) {
        String login = Fixtures.freshLogin("fb-api");
        long id = accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        String token = "zsg_test_" + login;
        tokens.grant(id, token);
        return "Bearer " + token;
    }

    @Test
    void anOfficerAnswersOverRestAndAnImpossibleStepIsAProblem() throws Exception {
        FeedbackCase c = cases.file(new NewCase(CaseKind.REQUEST, "taxes", null, null, null, "НӨАТ буцаалт", null,
                FeedbackFixtures.freshMobile(), null, null, IntakeChannel.WEB, "mn", false, null, null), null);
        String gdt = token("GDT");

        mvc.perform(get("/api/v1/feedback/cases").header("Authorization", gdt)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reference", hasItem(c.reference())));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", gdt)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"close\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("feedback_transition_not_allowed"));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", gdt)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"fly\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("feedback_step_unknown"));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", token("GASR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"assign\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("feedback_not_your_agency"));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", gdt)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"assign\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", gdt)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"answer\",\"text\":\" \"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("feedback_reason_required"));
        mvc.perform(post("/api/v1/feedback/cases/" + c.reference() + "/steps").header("Authorization", gdt)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"answer\",\"text\":\"Буцаалтыг олголоо.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.history[*].event", hasItem("ANSWERED")));
        mvc.perform(get("/api/v1/feedback/cases/11-0000-000000").header("Authorization", gdt))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("feedback_case_not_found"));
    }
}
