package mn.zasag.feedback;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The centre's pages as a citizen, an officer, an operator and a supervisor use them. */
@ZasagTest
class FeedbackPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    FeedbackCases cases;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private String send(RequestPostProcessor from, String category, String text, String phone, String email) throws Exception {
        MvcResult result = mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en")
                        .param("kind", "COMPLAINT").param("category", category).param("place", "1110")
                        .param("text", text).param("contactPhone", phone).param("contactEmail", email))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/feedback/sent"))
                .andReturn();
        lastSession = result.getResponse().getCookie(WebSessions.COOKIE);
        return (String) result.getFlashMap().get("reference");
    }

    private Cookie lastSession;

    @Test
    void anAnonymousCitizenSendsTheFormSeesTheReferenceAndTracksTheCaseWithTheirContact() throws Exception {
        mvc.perform(get("/feedback").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("The 11-11 centre")))
                .andExpect(content().string(containsString("Civil registration and ID cards")));
        String phone = FeedbackFixtures.freshMobile();
        String reference = send(FeedbackFixtures.freshAddress(), "civil_registration", "Үнэмлэх гараагүй", phone, "");
        assertThat(reference).matches("11-\\d{4}-\\d{6}");

        assertThat(lastSession).as("the flash attribute lives in the session").isNotNull();
        mvc.perform(get("/feedback/sent").cookie(lastSession).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)));
        mvc.perform(post("/feedback/track").with(csrf()).param("lang", "en").param("reference", reference).param("contact", "99999999"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No case with this reference")));
        mvc.perform(post("/feedback/track").with(csrf()).param("lang", "en").param("reference", reference).param("contact", phone))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Passed to the organisation")))
                .andExpect(content().string(containsString("GASR")));
    }

    @Test
    void badInputOnTheFormIsExplainedOnThePage() throws Exception {
        RequestPostProcessor from = FeedbackFixtures.freshAddress();
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "COMPLAINT")
                        .param("category", "taxes").param("text", "").param("contactPhone", "99112233"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Write your message.")));
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "COMPLAINT")
                        .param("category", "taxes").param("text", "x".repeat(4001)).param("contactPhone", "99112233"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at most 4,000 characters")));
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "COMPLAINT")
                        .param("category", "taxes").param("text", "Татвар").param("contactPhone", "123"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a Mongolian mobile number")));
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "COMPLAINT")
                        .param("category", "taxes").param("text", "Татвар"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Give a mobile number or an email")));
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "COMPLAINT")
                        .param("category", "").param("text", "Татвар").param("contactEmail", "a@example.mn"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose a subject.")));
    }

    @Test
    void aFloodFromOneAddressIsRefusedAfterFiveCases() throws Exception {
        RequestPostProcessor from = FeedbackFixtures.freshAddress();
        for (int i = 0; i < 5; i++) {
            send(from, "other", "Санал " + i, "", "flood" + i + "@example.mn");
        }
        mvc.perform(post("/feedback").with(csrf()).with(from).param("lang", "en").param("kind", "OPINION")
                        .param("category", "other").param("text", "Дахиад").param("contactEmail", "flood@example.mn"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Too many messages")));
    }

    @Test
    void anOfficerAnswersFromTheQueueAndTheCitizenGetsTheAnswerByEmail() throws Exception {
        String email = Fixtures.freshLogin("citizen") + "@example.mn";
        String reference = send(FeedbackFixtures.freshAddress(), "social_insurance", "Тэтгэвэр бодогдоогүй", "", email);
        String login = Fixtures.staff(accounts, Role.OFFICER, "GASI");
        Cookie officer = WebSessions.login(mvc, login);

        mvc.perform(get("/feedback/queue").cookie(officer).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)));
        mvc.perform(post("/feedback/queue/" + reference + "/close").with(csrf()).cookie(officer))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("problem.feedback_transition_not_allowed"));
        mvc.perform(post("/feedback/queue/" + reference + "/assign").with(csrf()).cookie(officer))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/feedback/queue/" + reference + "/answer").with(csrf()).cookie(officer)
                        .param("text", "Тэтгэврийг дахин бодож 12 сард олгоно."))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/feedback/queue/" + reference).cookie(officer).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Тэтгэврийг дахин бодож")));
        assertThat(jdbc.sql("select count(*) from notifications.notification where caller = 'feedback' and kind = 'feedback_answered' "
                        + "and recipient = :email and channel = 'EMAIL'").param("email", email).query(Integer.class).single())
                .isEqualTo(1);

        mvc.perform(post("/feedback/track/rate").with(csrf()).param("lang", "en").param("reference", reference)
                        .param("contact", email).param("rating", "2").param("text", "Хэтэрхий удаан"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Under a supervisor")));
    }

    @Test
    void anOfficerOfAnotherAgencyDoesNotSeeTheCase() throws Exception {
        String reference = send(FeedbackFixtures.freshAddress(), "customs", "Гаалийн дараалал урт", FeedbackFixtures.freshMobile(), "");
        Cookie other = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, "GDT"));
        mvc.perform(get("/feedback/queue/" + reference).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/queue").cookie(other)).andExpect(content().string(not(containsString(reference))));
    }

    @Test
    void aCitaOperatorRecordsACallAndOthersMayNot() throws Exception {
        Cookie operator = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, "CITA"));
        MvcResult result = mvc.perform(post("/feedback/operator").with(csrf()).cookie(operator)
                        .param("channel", "PHONE").param("kind", "REQUEST").param("category", "roads_transport")
                        .param("text", "Дуудлага: зам эвдэрсэн").param("contactPhone", FeedbackFixtures.freshMobile()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String reference = (String) result.getFlashMap().get("reference");
        FeedbackCase c = cases.get(reference);
        assertThat(c.channel()).isEqualTo(IntakeChannel.PHONE);
        assertThat(c.agencyCode()).isEqualTo("MRT");

        Cookie gasr = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, "GASR"));
        mvc.perform(get("/feedback/operator").cookie(gasr)).andExpect(status().isForbidden());
        Cookie citizen = WebSessions.login(mvc, Fixtures.citizen(accounts));
        mvc.perform(get("/feedback/queue").cookie(citizen)).andExpect(status().isForbidden());
    }

    @Test
    void aLoggedInCitizenSeesTheirOwnCasesWithoutGivingAContact() throws Exception {
        String rn = Fixtures.citizen(accounts);
        Cookie citizen = WebSessions.login(mvc, rn);
        MvcResult result = mvc.perform(post("/feedback").with(csrf()).cookie(citizen).with(FeedbackFixtures.freshAddress())
                        .param("kind", "SUGGESTION").param("category", "e_services").param("text", "Апп-д англи хэл нэмээрэй"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String reference = (String) result.getFlashMap().get("reference");
        mvc.perform(get("/feedback/mine").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)));
        mvc.perform(get("/feedback/mine/" + reference).cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Апп-д англи хэл нэмээрэй")));
        Cookie stranger = WebSessions.login(mvc, Fixtures.citizen(accounts));
        mvc.perform(get("/feedback/mine/" + reference).cookie(stranger)).andExpect(status().isNotFound());
    }

    @Test
    void theKioskTakesAnAnonymousSuggestionWithLargeTargets() throws Exception {
        mvc.perform(get("/feedback/kiosk").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("kiosk-button")));
        MvcResult result = mvc.perform(post("/feedback/kiosk").with(csrf()).with(FeedbackFixtures.freshAddress())
                        .param("kind", "SUGGESTION").param("category", "other").param("text", "Автобусны буудалд сандал"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/feedback/kiosk/sent")).andReturn();
        String reference = (String) result.getFlashMap().get("reference");
        assertThat(cases.get(reference).channel()).isEqualTo(IntakeChannel.KIOSK);
    }

    @Test
    void thePublicDashboardAndItsCsvCountCasesWithoutPersonalData() throws Exception {
        String phone = FeedbackFixtures.freshMobile();
        send(FeedbackFixtures.freshAddress(), "property_registration", "Газрын гэрчилгээ, нууц текст", phone, "");
        mvc.perform(get("/feedback/stats").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Property registration")))
                .andExpect(content().string(containsString("<meter")))
                .andExpect(content().string(not(containsString(phone.substring(2)))))
                .andExpect(content().string(not(containsString("нууц текст"))));
        mvc.perform(get("/feedback/stats.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("category,property_registration,")))
                .andExpect(content().string(containsString("summary,total,")))
                .andExpect(content().string(not(containsString(phone.substring(2)))));
    }
}
