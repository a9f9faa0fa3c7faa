package mn.zasag.legalentity;

import jakarta.servlet.http.Cookie;
import mn.zasag.WebSessions;
import mn.zasag.property.PropertyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo start (the same context as DemoPopulationTests) shows populated entity and property registries. */
@SpringBootTest(properties = "zasag.demo=true")
@AutoConfigureMockMvc
class DemoEntitiesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    LegalEntities entities;
    @Autowired
    PropertyRegistry property;

    @Test
    void theDemoCitizenFoundsACompanyAndOwnsAFlat() throws Exception {
        assertThat(entities.count()).isGreaterThanOrEqualTo(50);
        assertThat(property.count()).isGreaterThanOrEqualTo(100);

        Cookie citizen = WebSessions.login(mvc, "УБ90052114", "Zasag-Demo-2026");
        mvc.perform(get("/my-data/entities").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Бат-Эрдэнэ Трейд")));
        mvc.perform(get("/my-data/property").cookie(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ү-1809201455")))
                .andExpect(content().string(containsString("Хөх Тэнгэр Банк")));
        mvc.perform(get("/api/v1/registry/entities").param("q", "bat-erdene treid")
                        .header("Authorization", "Bearer zsg_demo_officer").header("X-Legal-Basis", "demo"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].registrationNumber").value("2085014"));
    }
}
