package mn.zasag.catalog;

import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public catalogue API: anonymous, paginated, problem details for bad parameters. */
@ZasagTest
class ServicesApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void searchesAnonymouslyInLatinAndPages() throws Exception {
        mvc.perform(get("/api/v1/services").param("q", "tetgever").param("size", "5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("GASI-SI-003")))
                .andExpect(jsonPath("$.size", is(5)))
                .andExpect(jsonPath("$.page", is(1)));
        mvc.perform(get("/api/v1/services").param("agency", "CUSTOMS").param("page", "1").param("size", "100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].agency.code", everyItem(is("CUSTOMS"))))
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(10)));
        mvc.perform(get("/api/v1/services")).andExpect(status().isOk()).andExpect(jsonPath("$.total", greaterThanOrEqualTo(167)));
    }

    @Test
    void givesOneServiceWithWhereToApply() throws Exception {
        mvc.perform(get("/api/v1/services/MRT-VEH-001")).andExpect(status().isOk())
                .andExpect(jsonPath("$.applyUrl", is("/apply/vehicle-transfer")))
                .andExpect(jsonPath("$.agency.nameEn", is("Ministry of Road and Transport")));
        mvc.perform(get("/api/v1/services/NOPE-XX-000")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code", is("service_not_found")));
    }

    @Test
    void refusesBadParametersWithProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/services").param("size", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("catalog_page_size_invalid")));
        mvc.perform(get("/api/v1/services").param("page", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("catalog_page_invalid")));
        mvc.perform(get("/api/v1/services").param("lifeEvent", "NOPE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("catalog_filter_unknown")));
        mvc.perform(get("/api/v1/services").param("q", "a".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("catalog_query_too_long")));
    }
}
