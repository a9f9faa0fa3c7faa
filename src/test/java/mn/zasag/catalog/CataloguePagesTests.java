package mn.zasag.catalog;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public catalogue pages and the admin pages, as citizens and admins use them. */
@ZasagTest
class CataloguePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theHomePageLeadsToTheCatalogueWhichBrowsesByLifeEventCategoryAndAgency() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/services\"")));
        mvc.perform(get("/services")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Төрийн үйлчилгээ")))
                .andExpect(content().string(containsString("/services/search?lifeEvent=having-a-baby")))
                .andExpect(content().string(containsString("/services/search?category=tax")))
                .andExpect(content().string(containsString("/services/search?agency=GASR")));
        mvc.perform(get("/services/search").param("lifeEvent", "having-a-baby").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Having a baby</h1>")))
                .andExpect(content().string(containsString("Registration of a birth")));
    }

    @Test
    void aCitizenFindsAServiceInCyrillicInLatinAndWithATypo() throws Exception {
        mvc.perform(get("/services/search").param("q", "жолооч")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Жолоочийн зөрчлийн түүхийн лавлагаа")));
        mvc.perform(get("/services/search").param("q", "jolooch").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Driver record reference")));
        mvc.perform(get("/services/search").param("q", "tetgever").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Basic state old-age pension")));
        mvc.perform(get("/services/search").param("q", "qqqxxzzq").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No service matches your search.")));
    }

    @Test
    void badSearchParametersGetAFriendlyMessageNotAnError() throws Exception {
        mvc.perform(get("/services/search").param("page", "abc").param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That page of results does not exist.")));
        mvc.perform(get("/services/search").param("category", "no-such").param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no such agency, category or life event.")));
        mvc.perform(get("/services/search").param("q", "ж".repeat(300)).param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 200 characters")));
    }

    @Test
    void anOnlineServiceHasAStartButtonToItsFormAndAnOfficeServiceSaysWhereToGo() throws Exception {
        mvc.perform(get("/services/POLICE-DL-001").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/apply/dl-renewal\"")))
                .andExpect(content().string(containsString("Start now")))
                .andExpect(content().string(containsString("Medical certificate")));
        mvc.perform(get("/services/GASR-ID-003").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/apply/"))))
                .andExpect(content().string(containsString("cannot be applied for online here yet")))
                .andExpect(content().string(containsString("ask the agency")));
        mvc.perform(get("/services/NOPE-XX-000")).andExpect(status().isNotFound());
    }

    /** The edit form as a browser posts it, with some fields replaced: name, value, name, value… */
    private MockHttpServletRequestBuilder edit(String code, Cookie session, String... replaced) {
        java.util.Map<String, String[]> form = new java.util.LinkedHashMap<>();
        form.put("nameMn", new String[] {"Ашигт малтмалын тусгай зөвшөөрлийн лавлагаа"});
        form.put("nameEn", new String[] {"Mining licence reference"});
        form.put("descriptionMn", new String[] {"Тусгай зөвшөөрлийн лавлагаа."});
        form.put("descriptionEn", new String[] {"A reference of a mining licence."});
        form.put("eligibilityMn", new String[] {""});
        form.put("eligibilityEn", new String[] {""});
        form.put("category", new String[] {"licences"});
        form.put("lifeEvent", new String[] {"running-a-business"});
        form.put("channels", new String[] {"online", "office"});
        form.put("feeMnt", new String[] {""});
        form.put("daysToDecide", new String[] {"0"});
        form.put("documentsRequired", new String[] {"application"});
        form.put("documentsProduced", new String[] {"reference"});
        for (int i = 0; i < replaced.length; i += 2) {
            form.put(replaced[i], new String[] {replaced[i + 1]});
        }
        MockHttpServletRequestBuilder post = post("/admin/services/" + code).with(csrf()).cookie(session).param("lang", "en");
        form.forEach(post::param);
        return post;
    }

    @Test
    void aPlatformAdminEditsAServiceAndTheEditIsAudited() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        mvc.perform(get("/admin/services").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("MRPAM-002")));
        mvc.perform(get("/api/v1/services").param("q", "Qazvrex"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(edit("MRPAM-002", admin, "descriptionEn", "Who holds a mining licence, and since when (form Qazvrex)."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/services/MRPAM-002"));

        mvc.perform(get("/services/MRPAM-002").param("lang", "en"))
                .andExpect(content().string(containsString("Who holds a mining licence, and since when (form Qazvrex).")));
        // the search's in-memory index sees the edit at once
        mvc.perform(get("/api/v1/services").param("q", "qazvrex"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].code").value("MRPAM-002"));
        assertThat(jdbc.sql("select details->>'changed' from audit.entry where action = 'catalog.service.updated' and object_id = 'MRPAM-002' order by id desc limit 1")
                .query(String.class).single()).contains("description_en");
    }

    @Test
    void anAgencyAdminEditsTheirAgencysServicesButNotAnothersWhichIsAudited() throws Exception {
        Cookie mrpam = WebSessions.login(mvc, Fixtures.staff(accounts, Role.AGENCY_ADMIN, "MRPAM"));
        mvc.perform(get("/admin/services").cookie(mrpam)).andExpect(status().isOk())
                .andExpect(content().string(containsString("MRPAM-003"))).andExpect(content().string(not(containsString("GASR-CIV-001"))));
        mvc.perform(edit("MRPAM-003", mrpam, "nameEn", "Transferring a mining licence"))
                .andExpect(status().is3xxRedirection());

        Cookie other = WebSessions.login(mvc, Fixtures.staff(accounts, Role.AGENCY_ADMIN, Fixtures.freshAgency(agencies)));
        mvc.perform(get("/admin/services/MRPAM-003").cookie(other)).andExpect(status().isForbidden());
        mvc.perform(edit("MRPAM-003", other, "nameEn", "Hijacked")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'catalog.service.update.denied' and object_id = 'MRPAM-003'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/services/MRPAM-003").param("lang", "en")).andExpect(content().string(not(containsString("Hijacked"))));

        Cookie citizen = WebSessions.login(mvc, Fixtures.citizen(accounts));
        mvc.perform(get("/admin/services").cookie(citizen)).andExpect(status().isForbidden());
    }

    @Test
    void badInputInTheAdminFormIsShownWithItsFieldAndNothingIsSaved() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        mvc.perform(edit("MRPAM-001", admin, "nameMn", " ", "feeMnt", "много", "daysToDecide", "999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter the name in Mongolian.")))
                .andExpect(content().string(containsString("Enter the fee as a whole number")))
                .andExpect(content().string(containsString("from 0 to 365")));
        mvc.perform(edit("MRPAM-001", admin, "category", "no-such-category"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose one of the options offered.")));
        mvc.perform(edit("MRPAM-001", admin, "channels", "fax"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose one of the options offered.")));
        mvc.perform(edit("MRPAM-001", admin, "documentsRequired", "no-such-document"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose one of the options offered.")));
        mvc.perform(get("/services/MRPAM-001").param("lang", "en"))
                .andExpect(content().string(containsString("Mineral exploration licence")));
    }
}
