package mn.zasag.registry;

import mn.zasag.WebSessions;
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

/** The demo start (its own database) shows a populated civil registry and the demo citizen's own data. */
@SpringBootTest(properties = "zasag.demo=true")
@AutoConfigureMockMvc
class DemoPopulationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CivilRegistry registry;

    @Test
    void theDemoRegistryHoldsTenThousandPeopleAndTheDemoCitizensRecord() throws Exception {
        assertThat(registry.count()).isGreaterThanOrEqualTo(10_000);

        mvc.perform(get("/my-data").cookie(WebSessions.login(mvc, "УБ90052114", "Zasag-Demo-2026")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Бат-Эрдэнэ")))
                .andExpect(content().string(containsString("Гэрлэлт")));
        mvc.perform(get("/api/v1/registry/persons").param("q", "Bat-Erdene Bold")
                        .header("Authorization", "Bearer zsg_demo_officer").header("X-Legal-Basis", "demo"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].registerNumber").value("УБ90052114"));
    }

    @Test
    void theDemoCitizenOwnsVehiclesHasNoTaxDebtAndTwoYearsOfContributions() throws Exception {
        var session = WebSessions.login(mvc, "УБ90052114", "Zasag-Demo-2026");
        mvc.perform(get("/my-data/vehicles").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("1234УБА")))
                .andExpect(content().string(containsString("5678УНБ")))
                .andExpect(content().string(containsString("Хугацаа хэтэрсэн")));
        mvc.perform(get("/api/v1/registry/me/tax").header("Authorization", "Bearer zsg_demo_citizen"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.noDebt").value(true));
        mvc.perform(get("/api/v1/registry/me/social-insurance").header("Authorization", "Bearer zsg_demo_citizen"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.insuredMonths").value(24));
        mvc.perform(get("/api/v1/registry/vehicles/{p}", "1234УБА").header("Authorization", "Bearer zsg_demo_mrt")
                        .header("X-Legal-Basis", "demo"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.vehicle.owner.id").value("УБ90052114"))
                .andExpect(jsonPath("$.events[1].type").value("TRANSFER"));
        mvc.perform(get("/api/v1/registry/customs/debtors/2012345").header("Authorization", "Bearer zsg_demo_customs")
                        .header("X-Legal-Basis", "demo"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clear").value(false));
    }
}
