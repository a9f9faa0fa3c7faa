package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.Directory;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public performance page counts what happens to applications. */
@ZasagTest
class PerformancePageTests {

    static final String SERVICE = "GASWS-SW-004";

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

    private String[] row() throws Exception {
        String csv = mvc.perform(get("/performance.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("service,name,started,submitted,decided,completion_percent,median_days_to_decide,digital_uptake_percent");
        return Arrays.stream(csv.split("\r\n")).filter(l -> l.startsWith(SERVICE + ",")).findFirst().orElseThrow()
                .replaceAll("\"[^\"]*\"", "name").split(",", -1);
    }

    @Test
    void aStartedSentAndDecidedApplicationIsCountedOnThePublicPage() throws Exception {
        ApplicationsFixtures.agency(agencies, "GASWS");
        ApplicationsFixtures.portal(agencies, directory);
        String[] before = row();
        Cookie citizen = WebSessions.login(mvc, ApplicationsFixtures.registeredCitizen(accounts, agencies, registry));
        String reference = journeys.apply(mvc, citizen, "sw-sanatorium-refund", Map.of("travelled", "no"));
        Cookie officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, "GASWS"));
        mvc.perform(post("/office/applications/" + reference + "/reject").cookie(officer).with(csrf()).param("reasons", "Шаардлага хангаагүй"))
                .andExpect(status().is3xxRedirection());
        String[] after = row();
        assertThat(Long.parseLong(after[2])).isEqualTo(Long.parseLong(before[2]) + 1);
        assertThat(Long.parseLong(after[3])).isEqualTo(Long.parseLong(before[3]) + 1);
        assertThat(Long.parseLong(after[4])).isEqualTo(Long.parseLong(before[4]) + 1);
        assertThat(after[5]).isNotEmpty();
        assertThat(after[6]).as("median days to decide").matches("\\d+\\.\\d");
        assertThat(after[7]).isEqualTo("100");
        mvc.perform(get("/performance").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("How the online services perform")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("id=\"service-" + SERVICE + "\"")))
                .andExpect(content().string(containsString("not recorded in the platform yet")))
                .andExpect(content().string(containsString("Visits to the site")));
    }
}
