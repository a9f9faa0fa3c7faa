package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The citizen's journey through the sanatorium refund form, over HTTP, with its bad inputs. */
@ZasagTest
class ApplicationJourneyTests {

    static final String FORM = "sw-sanatorium-refund";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry registry;
    @Autowired
    Journeys journeys;
    @Autowired
    mn.zasag.exchange.Directory directory;
    @Autowired
    ApplicationStore store;
    @Autowired
    JdbcClient jdbc;

    String citizen;
    Cookie session;

    @BeforeEach
    void citizen() throws Exception {
        ApplicationsFixtures.agency(agencies, "GASWS");
        ApplicationsFixtures.portal(agencies, directory);
        citizen = ApplicationsFixtures.registeredCitizen(accounts, agencies, registry);
        session = WebSessions.login(mvc, citizen);
    }

    @Test
    void theStartPageShowsTheServiceAndStartingNeedsALogin() throws Exception {
        mvc.perform(get("/apply/" + FORM).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Refund of half the cost")))
                .andExpect(content().string(containsString("10 working days")))
                .andExpect(content().string(containsString("Receipt for the stay")));
        mvc.perform(get("/apply/" + FORM + "/start")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/apply/no-such-form").param("lang", "en")).andExpect(status().isNotFound());
    }

    @Test
    void aCitizenAppliesWithPrefilledAnswersAndSeesTheConfirmation() throws Exception {
        String reference = journeys.apply(mvc, session, FORM, Map.of("travelled", "no"));
        assertThat(reference).matches("A-\\d{4}-\\d{6}");
        assertThat(journeys.state(reference)).isEqualTo("submitted");
        Application a = store.find(reference).orElseThrow();
        assertThat(a.prefilled()).containsEntry("givenName", "Сараа");
        assertThat(a.answers()).containsEntry("givenName", "Сараа").doesNotContainKey("travelCost");
        // the pre-fill went through the exchange as the portal, with the service as the purpose
        assertThat(jdbc.sql("""
                select count(*) from exchange.message_log where client_id = 'MN/GOV/9011001/portal' and subject = :rn
                  and issue = 'GASWS-SW-004' and status = 200""").param("rn", citizen).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        mvc.perform(get("/applications/" + reference + "/confirmation").cookie(session).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("What happens next")));
        mvc.perform(get("/applications").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString(reference))).andExpect(content().string(containsString("Sent")));
        // the applicant is told
        assertThat(jdbc.sql("select count(*) from notifications.notification where kind = 'applications_submitted' and caller_reference like :r")
                .param("r", reference + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void skipLogicAsksForTravelCostsOnlyWhenClaimed() throws Exception {
        String reference = journeys.apply(mvc, session, FORM, Map.of("travelled", "yes", "travelCost", "90000"));
        assertThat(store.find(reference).orElseThrow().answers()).containsEntry("travelCost", "90000");
    }

    @Test
    void badAnswersShowTheErrorSummaryAndInlineErrorsAndKeepWhatWasTyped() throws Exception {
        String other = freshDraft();
        postPage(other, "applicant", Map.of("phone", "12", "addressLine", "Хаяг"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#phone\"")))
                .andExpect(content().string(containsString("Enter a mobile number like 99112233")))
                .andExpect(content().string(containsString("value=\"Хаяг\"")));
        postPage(other, "applicant", Map.of("phone", "99112233", "addressLine", "Хаяг")).andExpect(status().is3xxRedirection());
        postPage(other, "eligibility", Map.of("group", "nobody")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of the options")));
        postPage(other, "eligibility", Map.of("group", "elderly")).andExpect(status().is3xxRedirection());
        postPage(other, "stay", Map.of("sanatorium", "Хужирт", "stayStart-day", "31", "stayStart-month", "2", "stayStart-year", "2026",
                "stayEnd-day", "", "stayEnd-month", "", "stayEnd-year", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a real date")))
                .andExpect(content().string(containsString("href=\"#stayStart-day\"")))
                .andExpect(content().string(containsString("Enter a date")));
    }

    @Test
    void outOfOrderAndStalePostsAreRefusedWithAFriendlyMessage() throws Exception {
        String reference = freshDraft();
        // the bank page before the first: sent back to the first unanswered page
        postPage(reference, "bank", Map.of("bank", "khan", "bankAccount", "5012345678"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + reference + "/page/applicant"));
        mvc.perform(get("/applications/" + reference + "/page/bank").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + reference + "/page/applicant"));
        assertThat(store.find(reference).orElseThrow().answers()).doesNotContainKey("bankAccount");
        // a page that does not exist, a stale form version
        postPage(reference, "nope", Map.of()).andExpect(status().is3xxRedirection());
        mvc.perform(post("/applications/" + reference + "/page/applicant").cookie(session).with(csrf())
                        .param("formVersion", "0").param("phone", "99112233").param("addressLine", "Х"))
                .andExpect(status().is3xxRedirection());
        assertThat(store.find(reference).orElseThrow().answers()).doesNotContainKey("phone");
        // check answers before the end: sent to the first unanswered page; a submit is refused, never a 500
        mvc.perform(get("/applications/" + reference + "/check").cookie(session)).andExpect(status().is3xxRedirection());
        Application a = store.find(reference).orElseThrow();
        mvc.perform(post("/applications/" + reference + "/submit").cookie(session).with(csrf())
                .param("token", a.submitToken()).param("revision", Integer.toString(a.revision())))
                .andExpect(status().is3xxRedirection());
        assertThat(journeys.state(reference)).isEqualTo("draft");
        mvc.perform(post("/applications/" + reference + "/submit").cookie(session).with(csrf()).param("token", "forged"))
                .andExpect(status().is3xxRedirection());
        assertThat(journeys.state(reference)).isEqualTo("draft");
    }

    @Test
    void aDoubleSubmitGivesTheSameApplicationAndAStaleCheckPageIsRefused() throws Exception {
        String reference = freshDraft();
        journeys.fill(mvc, session, reference, Map.of("travelled", "no"));
        Application a = store.find(reference).orElseThrow();
        // the answers change in another tab after the check page was shown: that check page's post is refused
        mvc.perform(journeys.page(journeysForm(), a, journeysForm().page("eligibility").orElseThrow().page(), Map.of("group", "veteran"))
                .cookie(session).with(csrf()).param("change", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/applications/" + reference + "/submit").cookie(session).with(csrf())
                        .param("token", a.submitToken()).param("revision", Integer.toString(a.revision())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/applications/" + reference + "/check"));
        assertThat(journeys.state(reference)).isEqualTo("draft");
        Application now = store.find(reference).orElseThrow();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/applications/" + reference + "/submit").cookie(session).with(csrf())
                            .param("token", now.submitToken()).param("revision", Integer.toString(now.revision())))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/applications/" + reference + "/confirmation"));
        }
        assertThat(jdbc.sql("select count(*) from applications.history h join applications.application a on a.id = h.application_id "
                + "where a.reference = :r and h.to_state = 'submitted'").param("r", reference).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void attachmentsAreCheckedByContentAndSizeAndAValidOneIsKeptWhenAnotherFails() throws Exception {
        String other = anotherDraftUpTo("receipts");
        byte[] exe = "MZ\u0090\u0000 not a pdf".getBytes();
        mvc.perform(multipart("/applications/" + other + "/page/receipts").file(new MockMultipartFile("receipt", "receipt.pdf",
                        "application/pdf", exe)).file(new MockMultipartFile("referral", "referral.png", "image/png", Journeys.PNG))
                        .param("formVersion", "1").cookie(session).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file must be a PDF, JPG, PNG")))
                .andExpect(content().string(containsString("Uploaded: referral.png")));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Journeys.PDF, 0, big, 0, Journeys.PDF.length);
        mvc.perform(multipart("/applications/" + other + "/page/receipts").file(new MockMultipartFile("receipt", "big.pdf",
                        "application/pdf", big)).param("formVersion", "1").cookie(session).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file must be smaller than 5 MB")));
        mvc.perform(multipart("/applications/" + other + "/page/receipts").file(new MockMultipartFile("receipt", "scan.jpg",
                        "image/jpeg", Journeys.JPEG)).param("formVersion", "1").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Application a = store.find(other).orElseThrow();
        assertThat(store.attachments(a.id())).extracting(x -> x.contentType()).contains("image/jpeg", "image/png")
                .doesNotContain("application/pdf");
        assertThat(a.answers()).containsKeys("receipt", "referral");
    }

    @Test
    void aDraftIsResumedFromMyApplicationsAndAChangeReturnsToCheckAnswers() throws Exception {
        String reference = anotherDraftUpTo("costs");
        // start again: the same draft, at the first unanswered page
        mvc.perform(get("/apply/" + FORM + "/start").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + reference + "/page/costs"));
        mvc.perform(get("/applications").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/applications/" + reference + "/page/costs")))
                .andExpect(content().string(containsString("Draft")));
        journeys.fill(mvc, session, reference, Map.of("travelled", "no"));
        mvc.perform(get("/applications/" + reference + "/check").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Check your answers")))
                .andExpect(content().string(containsString("/applications/" + reference + "/page/costs?change=true")));
        // change: travel claimed now, so the travel page is asked before returning to check answers
        Application a = store.find(reference).orElseThrow();
        mvc.perform(journeys.page(journeysForm(), a, journeysForm().page("costs").orElseThrow().page(), Map.of("travelled", "yes"))
                        .param("change", "true").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + reference + "/page/travel?change=true"));
        a = store.find(reference).orElseThrow();
        mvc.perform(journeys.page(journeysForm(), a, journeysForm().page("travel").orElseThrow().page(), Map.of())
                        .param("change", "true").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + reference + "/check"));
    }

    @Test
    void anotherCitizenGetsNotFoundAndTheAttemptIsAudited() throws Exception {
        String reference = freshDraft();
        String intruder = Fixtures.citizen(accounts);
        Cookie other = WebSessions.login(mvc, intruder);
        mvc.perform(get("/applications/" + reference).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + reference + "/page/applicant").cookie(other)).andExpect(status().isNotFound());
        mvc.perform(post("/applications/" + reference + "/withdraw").cookie(other).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'applications.access.denied' and object_id = :r and actor_login = :l")
                .param("r", reference).param("l", intruder).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        // an officer's account is not a citizen's
        String officer = Fixtures.staff(accounts, Role.OFFICER, "GASWS");
        mvc.perform(get("/applications/" + reference).cookie(WebSessions.login(mvc, officer))).andExpect(status().isForbidden());
    }

    @Test
    void aCitizenWithdrawsBeforeTheDecision() throws Exception {
        String reference = journeys.apply(mvc, session, FORM, Map.of("travelled", "no"));
        mvc.perform(get("/applications/" + reference).cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdraw this application")));
        mvc.perform(post("/applications/" + reference + "/withdraw").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(journeys.state(reference)).isEqualTo("withdrawn");
        mvc.perform(get("/applications/" + reference).cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Withdraw this application"))))
                .andExpect(content().string(containsString("Withdrawn")));
    }

    private mn.zasag.applications.internal.FormDefinition journeysForm() {
        return forms.find(FORM).orElseThrow();
    }

    @Autowired
    mn.zasag.applications.internal.Forms forms;

    private String freshDraft() throws Exception {
        // a citizen has one draft per form: a fresh citizen for each fresh draft
        citizen = ApplicationsFixtures.registeredCitizen(accounts, agencies, registry);
        session = WebSessions.login(mvc, citizen);
        return journeys.start(mvc, session, FORM);
    }

    /** A fresh draft with every page before {@code pageId} answered. */
    private String anotherDraftUpTo(String pageId) throws Exception {
        String reference = freshDraft();
        for (var l : journeysForm().pages()) {
            if (l.page().id().equals(pageId)) {
                break;
            }
            Application a = store.find(reference).orElseThrow();
            mvc.perform(journeys.page(journeysForm(), a, l.page(), Map.of("travelled", "no")).cookie(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        return reference;
    }

    private org.springframework.test.web.servlet.ResultActions postPage(String reference, String page, Map<String, String> params)
            throws Exception {
        var b = post("/applications/" + reference + "/page/" + page).cookie(session).with(csrf()).param("formVersion", "1")
                .param("lang", "en");
        params.forEach(b::param);
        return mvc.perform(b);
    }
}
