package mn.zasag.site;

import jakarta.servlet.RequestDispatcher;
import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** What the container's error dispatch renders for each status, in each language. */
@ZasagTest
class ErrorPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void serverErrorShowsAnApologyWithoutDetails() throws Exception {
        mvc.perform(get("/error").accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals")))
                .andExpect(status().isInternalServerError())
                .andExpect(view().name("error/500"))
                .andExpect(content().string(containsString("Уучлаарай, алдаа гарлаа")))
                .andExpect(content().string(not(containsString("secret internals"))));
    }

    @Test
    void forbiddenPageInEnglish() throws Exception {
        mvc.perform(get("/error").param("lang", "en").accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/agencies"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Access denied")));
    }

    @Test
    void apiServerErrorIsAProblemWithStableCodeAndNoDetails() throws Exception {
        mvc.perform(get("/error").accept("application/json")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/agencies")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("internal_error"))
                .andExpect(content().string(not(containsString("secret internals"))));
    }

    @Test
    void unknownAgencyByApiIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/agencies/NOPE").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency_not_found"))
                .andExpect(jsonPath("$.detail").value("No agency has this code."));
    }
}
