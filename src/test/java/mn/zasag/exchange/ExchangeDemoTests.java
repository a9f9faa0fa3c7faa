package mn.zasag.exchange;

import mn.zasag.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
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
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theOtherBaseRegistriesAnswerTheSameClientThroughTheExchange() throws Exception {
        ask("/r1/MN/GOV/9011002/entity-registry/entity/{id}", "2085014")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registrationNumber").value("2085014"))
                .andExpect(jsonPath("$.founders[0].share").exists());
        ask("/r1/MN/GOV/9011002/property-registry/property-by-owner/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.properties[0].certificateNumber").value("Ү-1809201455"));
        ask("/r1/MN/GOV/9011006/vehicle-registry/vehicle/{id}", "1234УБА")
                .andExpect(status().isOk()).andExpect(jsonPath("$.plate").value("1234УБА"));
        ask("/r1/MN/GOV/9011007/tax-registry/tax-debt-status/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.noDebt").value(true))
                .andExpect(jsonPath("$.entries").doesNotExist());
        ask("/r1/MN/GOV/9011003/social-insurance/contributions/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.insuredMonths").value(24));
        ask("/r1/MN/GOV/9011008/customs/customs-debt-status/{id}", "УБ90052114")
                .andExpect(status().isOk()).andExpect(jsonPath("$.clear").exists());
        // the registries' own refusals come back as the provider's answer, not as an exchange error
        ask("/r1/MN/GOV/9011006/vehicle-registry/vehicle/{id}", "12УБА")
                .andExpect(status().is4xxClientError()).andExpect(header().doesNotExist("X-Road-Error"));
        ask("/r1/MN/GOV/9011002/entity-registry/entity/{id}", "9999999")
                .andExpect(status().isNotFound()).andExpect(header().doesNotExist("X-Road-Error"));
        // and a client without a right to a service is refused by the exchange
        mvc.perform(get("/r1/MN/GOV/9011006/vehicle-registry/vehicle/{id}", "1234УБА")
                        .header("Authorization", "Bearer zsg_demo_gasi").header("X-Road-Client", "MN/GOV/9011003/no-such-subsystem")
                        .header("X-Road-Issue", "Демо"))
                .andExpect(status().is4xxClientError()).andExpect(header().exists("X-Road-Error"));
    }

    @Test
    void aPropertyByOwnerReadThroughTheExchangeIsAuditedByThePropertyRegistryWithThePurpose() throws Exception {
        String count = """
                select count(*) from audit.entry where action = 'property.property.searched' and object_type = 'person'
                and object_id = 'УБ90052114' and details ->> 'legal_basis' = 'Тэтгэврийн өргөдөл №15'""";
        long before = jdbc.sql(count).query(Long.class).single();
        ask("/r1/MN/GOV/9011002/property-registry/property-by-owner/{id}", "УБ90052114").andExpect(status().isOk());
        assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(before + 1);
        // a malformed register number is the registry's own refusal, not an empty list
        ask("/r1/MN/GOV/9011002/property-registry/property-by-owner/{id}", "УБ9005211")
                .andExpect(status().isBadRequest()).andExpect(header().doesNotExist("X-Road-Error"));
    }

    private org.springframework.test.web.servlet.ResultActions ask(String path, String id) throws Exception {
        return mvc.perform(get(path, id).header("Authorization", "Bearer zsg_demo_gasi")
                .header("X-Road-Client", "MN/GOV/9011003/benefits").header("X-Road-Issue", "Тэтгэврийн өргөдөл №15")
                .header("X-Road-UserId", "MNgasi-officer"));
    }
}
