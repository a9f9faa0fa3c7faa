package mn.zasag.feedback;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.FeedbackCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/** Open311 GeoReport v2 as a mobile app or a civic-tech client calls it. */
@ZasagTest
class Open311Tests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    FeedbackCases cases;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private String postRequest(boolean publish, String description) throws Exception {
        String body = mvc.perform(post("/open311/v2/requests.json").with(FeedbackFixtures.freshAddress())
                        .param("api_key", "test-open311-key").param("service_code", "roads_transport")
                        .param("lat", "47.9185").param("long", "106.9176").param("description", description)
                        .param("phone", FeedbackFixtures.freshMobile()).param("publish", String.valueOf(publish)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_request_id").exists())
                .andReturn().getResponse().getContentAsString();
        return body.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void discoveryAndServicesAnswerInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/discovery.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].formats", hasItem("application/json")));
        mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_code", hasItem("roads_transport")));
        mvc.perform(get("/open311/v2/services.xml")).andExpect(status().isOk())
                .andExpect(xpath("/services/service[service_code='taxes']/group").string("GDT"));
        mvc.perform(get("/open311/v2/services/taxes.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("taxes"));
    }

    @Test
    void aPostedRequestBecomesACaseAndOnlyPublishedOnesAreListed() throws Exception {
        String published = postRequest(true, "Замын нүх, утас 99112233");
        String hidden = postRequest(false, "Нууц гомдол");
        assertThat(cases.get(published).channel()).isEqualTo(IntakeChannel.OPEN311);
        assertThat(cases.get(published).agencyCode()).isEqualTo("MRT");

        mvc.perform(get("/open311/v2/requests.json").param("service_code", "roads_transport"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_request_id", hasItem(published)))
                .andExpect(content().string(not(containsString(hidden))))
                .andExpect(content().string(not(containsString("99112233"))));
        mvc.perform(get("/open311/v2/requests/" + published + ".xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/agency_responsible").string("MRT"));
        mvc.perform(get("/open311/v2/requests/" + hidden + ".json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/tokens/" + hidden + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(hidden));
    }

    @Test
    void badCallsGetTheSpecsErrors() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").param("service_code", "taxes").param("lat", "47.9").param("long", "106.9")
                        .param("description", "x").param("email", "a@example.mn"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$[0].code").value(403));
        mvc.perform(post("/open311/v2/requests.xml").param("api_key", "wrong").param("service_code", "taxes"))
                .andExpect(status().isForbidden()).andExpect(xpath("/errors/error/code").string("403"));
        mvc.perform(post("/open311/v2/requests.json").param("api_key", "test-open311-key").param("description", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description").value("service_code is required"));
        mvc.perform(post("/open311/v2/requests.json").param("api_key", "test-open311-key").param("service_code", "taxes")
                        .param("description", "x").param("email", "a@example.mn"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(post("/open311/v2/requests.json").param("api_key", "test-open311-key").param("service_code", "weather")
                        .param("lat", "47.9").param("long", "106.9"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/open311/v2/requests.json").with(FeedbackFixtures.freshAddress()).param("api_key", "test-open311-key")
                        .param("service_code", "taxes").param("lat", "47.9").param("long", "106.9").param("description", " ")
                        .param("email", "a@example.mn"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description").value("feedback_text_empty"));
        mvc.perform(get("/open311/v2/requests.json").param("status", "maybe")).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/services/weather.xml")).andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }
}
