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

    @Test
    void countsABrowserSessionOnceHoweverManyPagesItOpens() throws Exception {
        long before = counter.counts().total();
        Cookie session = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getCookie(WebSessions.COOKIE);
        mvc.perform(get("/").cookie(session));
        mvc.perform(get("/login").cookie(session));

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
    void homePageShowsTheCounters() throws Exception {
        mvc.perform(get("/"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"visits-total\"")));
    }
}
