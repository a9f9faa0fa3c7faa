package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.Directory;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "My applications" and the back office over REST, with their refusals as problem details. */
@ZasagTest
class ApplicationsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry registry;
    @Autowired
    Directory directory;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Journeys journeys;

    @Test
    void theApplicantAndTheOfficerFollowAndDecideOverTheApi() throws Exception {
        ApplicationsFixtures.agency(agencies, "GASWS");
        ApplicationsFixtures.portal(agencies, directory);
        String rn = ApplicationsFixtures.registeredCitizen(accounts, agencies, registry);
        Cookie session = WebSessions.login(mvc, rn);
        String reference = journeys.apply(mvc, session, "sw-sanatorium-refund", Map.of("travelled", "no"));
        String citizenToken = "zsg_test_apps_citizen_" + reference.replace("-", "");
        tokens.grant(accountOf(rn), citizenToken);
        mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer " + citizenToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].reference", hasItem(reference)));
        mvc.perform(get("/api/v1/applications/" + reference).header("Authorization", "Bearer " + citizenToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("submitted"))
                .andExpect(jsonPath("$.answers.travelled").value("no"));

        String otherRn = Fixtures.freshRegisterNumber();
        long other = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(otherRn), "Бат", "Дорж", "+97699001133", null, Fixtures.PASSWORD));
        tokens.grant(other, "zsg_test_apps_other_" + reference.replace("-", ""));
        mvc.perform(get("/api/v1/applications/" + reference).header("Authorization", "Bearer zsg_test_apps_other_" + reference.replace("-", "")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("application_not_found"));

        long officer = accounts.createStaff(new NewStaff(Fixtures.freshLogin("gasws-api"), Role.OFFICER, "GASWS", "Дорж", "Бат", null, Fixtures.PASSWORD));
        String officerToken = "zsg_test_apps_officer_" + reference.replace("-", "");
        tokens.grant(officer, officerToken);
        mvc.perform(get("/api/v1/office/applications").header("Authorization", "Bearer " + officerToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].reference", hasItem(reference)));
        mvc.perform(post("/api/v1/office/applications/" + reference + "/steps").header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"reject\", \"message\": \"\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("applications_message_required"));
        mvc.perform(post("/api/v1/office/applications/" + reference + "/steps").header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"approve\", \"fields\": {\"refundAmount\": \"x\"}}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("applications_decision_invalid"));
        mvc.perform(post("/api/v1/office/applications/" + reference + "/steps").header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"reject\", \"message\": \"Баримт дутуу\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("rejected"));
        mvc.perform(post("/api/v1/office/applications/" + reference + "/steps").header("Authorization", "Bearer " + officerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"reject\", \"message\": \"Дахин\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("applications_transition_not_allowed"));
    }

    private long accountOf(String registerNumber) {
        return jdbc.sql("select id from identity.account where login = :l").param("l", registerNumber).query(Long.class).single();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
