package mn.zasag.site;

import mn.zasag.ZasagTest;
import mn.zasag.stats.VisitCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import mn.zasag.WebSessions;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class VisitCounterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    VisitCounter counter;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void countsABrowserSessionOnceHoweverManyPagesItOpens() throws Exception {
        long before = counter.counts().total();
        var first = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse();
        Cookie visit = first.getCookie("ZASAG_VISIT");
        assertThat(visit).isNotNull();
        assertThat(visit.getMaxAge()).as("ends with the browser session").isEqualTo(-1);
        assertThat(visit.isHttpOnly()).isTrue();
        // an anonymous page view needs no server session
        assertThat(first.getCookie(WebSessions.COOKIE)).isNull();
        mvc.perform(get("/").cookie(visit)).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getCookie("ZASAG_VISIT")).isNull());
        mvc.perform(get("/services").cookie(visit));

        assertThat(counter.counts().total()).isEqualTo(before + 1);
    }

    @Test
    void eachNewSessionIsANewVisitCountedInMonthYearAndTotal() throws Exception {
        var before = counter.counts();

        mvc.perform(get("/"));
        mvc.perform(get("/register"));

        var after = counter.counts();
        assertThat(after.total()).isEqualTo(before.total() + 2);
        assertThat(after.thisYear()).isEqualTo(before.thisYear() + 2);
        assertThat(after.thisMonth()).isEqualTo(before.thisMonth() + 2);
    }

    @Test
    void assetsApisAndErrorsAreNotVisits() throws Exception {
        long before = counter.counts().total();

        mvc.perform(get("/css/zasag.css")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agencies")).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg"));

        assertThat(counter.counts().total()).isEqualTo(before);
    }

    @Test
    void visitsCountedInMemoryAreWrittenAndStillCountedOnce() throws Exception {
        mvc.perform(get("/"));
        long shown = counter.counts().total();
        counter.write();
        assertThat(counter.counts().total()).isEqualTo(shown);
        assertThat(jdbc.sql("select coalesce(sum(visits), 0) from stats.visit_day").query(Long.class).single()).isEqualTo(shown);
    }

    @Test
    void homePageShowsTheCounters() throws Exception {
        mvc.perform(get("/"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"visits-total\"")));
    }
}
