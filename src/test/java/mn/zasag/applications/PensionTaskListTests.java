package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.Directory;
import mn.zasag.identity.Accounts;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The old-age pension: a long form as a task list, pre-filled from the civil and social insurance registers. */
@ZasagTest
class PensionTaskListTests {

    static final String FORM = "si-basic-pension";

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
    Journeys journeys;
    @Autowired
    ApplicationStore store;

    Cookie session;

    @BeforeEach
    void citizen() throws Exception {
        ApplicationsFixtures.agency(agencies, "GASI");
        ApplicationsFixtures.portal(agencies, directory);
        session = WebSessions.login(mvc, ApplicationsFixtures.registeredCitizen(accounts, agencies, registry));
    }

    @Test
    void theTaskListLeadsThroughTheSectionsInTurnWithPrefilledDetailsToConfirm() throws Exception {
        String reference = journeys.start(mvc, session, FORM);
        mvc.perform(get("/apply/" + FORM + "/start").cookie(session)).andExpect(redirectedUrl("/applications/" + reference + "/tasks"));
        mvc.perform(get("/applications/" + reference + "/tasks").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("You have completed 0 of 3 sections")))
                .andExpect(content().string(containsString("Cannot start yet")))
                .andExpect(content().string(containsString("/applications/" + reference + "/page/identity")));
        // the civil register's details are shown for confirmation, not asked
        mvc.perform(get("/applications/" + reference + "/page/identity").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Is this correct?")))
                .andExpect(content().string(containsString("Сараа")))
                .andExpect(content().string(containsString("Yes, this is correct")));
        Application a = store.find(reference).orElseThrow();
        assertThat(a.prefilled()).containsEntry("familyName", "Дорж").containsEntry("givenName", "Сараа").containsKey("birthDate");
        // the section's last page returns to the task list
        mvc.perform(journeys.page(forms(), a, forms().page("identity").orElseThrow().page(), Map.of()).cookie(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/applications/" + reference + "/page/contact"));
        a = store.find(reference).orElseThrow();
        mvc.perform(journeys.page(forms(), a, forms().page("contact").orElseThrow().page(), Map.of()).cookie(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/applications/" + reference + "/tasks"));
        mvc.perform(get("/applications/" + reference + "/tasks").cookie(session).param("lang", "en"))
                .andExpect(content().string(containsString("You have completed 1 of 3 sections")));
        // conditional pages: unrecorded work and hazardous years asked only when they apply
        journeys.fill(mvc, session, reference, Map.of("unrecordedWork", "yes", "unrecordedYears", "4", "conditions", "hazardous",
                "conditionsYears", "12", "insuredMonths", "240"));
        journeys.submit(mvc, session, reference);
        a = store.find(reference).orElseThrow();
        assertThat(a.state()).isEqualTo("submitted");
        assertThat(a.answers()).containsEntry("unrecordedYears", "4").containsEntry("conditionsYears", "12").containsKey("workBook");
    }

    @Test
    void whenTheInsuranceRegisterHasNothingTheQuestionIsAskedWithANote() throws Exception {
        String reference = journeys.apply(mvc, session, FORM, Map.of("unrecordedWork", "no", "conditions", "normal"));
        Application a = store.find(reference).orElseThrow();
        assertThat(a.answers()).doesNotContainKeys("unrecordedYears", "conditionsYears");
        assertThat(a.state()).isEqualTo("submitted");
    }

    private mn.zasag.applications.internal.FormDefinition forms() {
        return formsBean.find(FORM).orElseThrow();
    }

    @Autowired
    mn.zasag.applications.internal.Forms formsBean;

    @SuppressWarnings("unused")
    private static String unused() {
        return Fixtures.PASSWORD;
    }
}
