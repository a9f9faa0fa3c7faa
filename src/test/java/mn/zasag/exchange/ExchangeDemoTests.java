package mn.zasag.exchange;

import mn.zasag.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The README's exchange demo: the GASI client asks for the demo citizen, who then sees it on «who used my data». */
@SpringBootTest(properties = "zasag.demo=true")
@AutoConfigureMockMvc
class ExchangeDemoTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoClientReadsTheDemoCitizenAndTheCitizenSeesIt() throws Exception {
        mvc.perform(get(URI.create("/r1/MN/GOV/9011002/civil-registry/person/%D0%A3%D0%9190052114"))
                        .header("Authorization", "Bearer zsg_demo_gasi").header("X-Road-Client", "MN/GOV/9011003/benefits")
                        .header("X-Road-Issue", "Демо өргөдөл №1").header("X-Road-UserId", "MNgasi-officer"))
                .andExpect(status().isOk()).andExpect(header().string("X-Road-Service", "MN/GOV/9011002/civil-registry/person"))
                .andExpect(jsonPath("$.givenName").value("Бат-Эрдэнэ"));
        mvc.perform(get(URI.create("/r1/MN/GOV/9011002/civil-registry/id-card-status/%D0%A3%D0%9190052114"))
                        .header("Authorization", "Bearer zsg_demo_gasi").header("X-Road-Client", "MN/GOV/9011003/benefits")
                        .header("X-Road-Issue", "Демо өргөдөл №1"))
                .andExpect(status().isBadRequest()).andExpect(header().string("X-Road-Error", "Client.ConsentRequired"));
        mvc.perform(get("/my-data/usage").cookie(WebSessions.login(mvc, "УБ90052114", "Zasag-Demo-2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Демо өргөдөл №1")))
                .andExpect(content().string(containsString("MNgasi-officer")));
        mvc.perform(get("/admin/exchange").cookie(WebSessions.login(mvc, "admin", "Zasag-Demo-2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("MN/GOV/9011002/civil-registry/person")));
    }
}
