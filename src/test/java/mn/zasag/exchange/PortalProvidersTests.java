package mn.zasag.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sources the portal pre-fills from, asked through the exchange the way the demo client asks: an owner's vehicles, a driver's licence. */
@SpringBootTest(properties = "zasag.demo=true")
@AutoConfigureMockMvc
class PortalProvidersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoCitizensVehiclesOnTheRegister() throws Exception {
        ask("/r1/MN/GOV/9011006/vehicle-registry/vehicles-by-owner/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner").value("УБ90052114"))
                .andExpect(jsonPath("$.vehicles[*].plate", containsInAnyOrder("1234УБА", "5678УНБ")));
        ask("/r1/MN/GOV/9011006/vehicle-registry/vehicles-by-owner/{id}", "not-a-number")
                .andExpect(status().is4xxClientError()).andExpect(header().doesNotExist("X-Road-Error"));
    }

    @Test
    void theDemoCitizensDrivingLicence() throws Exception {
        ask("/r1/MN/GOV/9011005/licence-registry/driving-licences-by-holder/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.licence.categories").value("B,C"))
                .andExpect(jsonPath("$.licence.valid").value(true)).andExpect(jsonPath("$.licences", hasSize(1)))
                .andExpect(jsonPath("$.violations").value(2));
        ask("/r1/MN/GOV/9011005/licence-registry/driving-licences-by-holder/{id}", "2085014")
                .andExpect(status().isBadRequest()).andExpect(header().doesNotExist("X-Road-Error"));
    }

    private ResultActions ask(String path, String id) throws Exception {
        return mvc.perform(get(path, id).header("Authorization", "Bearer zsg_demo_gasi")
                .header("X-Road-Client", "MN/GOV/9011003/benefits").header("X-Road-Issue", "Өргөдөл №15")
                .header("X-Road-UserId", "MNgasi-officer"));
    }
}
