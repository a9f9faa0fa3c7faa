package mn.zasag.feedback;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.OfficeStaffing;
import mn.zasag.audit.StaffActor;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files on the web form: checked by their content, limited in size and number, kept across a correction, downloaded only by those who may. */
@ZasagTest
class FeedbackFilesTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    FeedbackCases cases;
    @Autowired
    CaseStore store;
    @Autowired
    OfficeStaffing staffing;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private MockMultipartHttpServletRequestBuilder form(String text, String phone, MockMultipartFile... files) {
        return form("en", text, phone, files);
    }

    private MockMultipartHttpServletRequestBuilder form(String lang, String text, String phone, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/feedback");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("lang", lang).param("kind", "COMPLAINT").param("category", "public_order").param("place", "1119")
                .param("text", text).param("contactPhone", phone);
        request.with(csrf()).with(FeedbackFixtures.freshAddress());
        return request;
    }

    private static MockMultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("files", name, type, content);
    }

    private int casesWithText(String text) {
        return jdbc.sql("select count(*) from feedback.feedback_case where text = :t").param("t", text).query(Integer.class).single();
    }

    @Test
    void aCaseKeepsItsFilesAsWhatTheirContentIsAndThoseWhoMayDownloadThem() throws Exception {
        String phone = FeedbackFixtures.freshMobile();
        MvcResult sent = mvc.perform(form("Хулгай хийсэн, зураг хавсаргав", phone,
                        file("гэрэл зураг.png", "image/png", PNG), file("statement.pdf", "application/octet-stream", PDF)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/feedback/sent")).andReturn();
        String reference = (String) sent.getFlashMap().get("reference");
        FeedbackCase c = cases.get(reference);
        var files = store.attachmentsOf(c.id());
        assertThat(files).extracting(CaseStore.StoredAttachment::fileName).containsExactly("гэрэл зураг.png", "statement.pdf");
        assertThat(files).extracting(CaseStore.StoredAttachment::contentType).containsExactly("image/png", "application/pdf");
        long pdfId = files.get(1).id();

        // the citizen, by reference and the contact they filed with
        mvc.perform(post("/feedback/track").with(csrf()).param("lang", "en").param("reference", reference).param("contact", phone))
                .andExpect(status().isOk()).andExpect(content().string(containsString("statement.pdf")));
        mvc.perform(post("/feedback/track/file").with(csrf()).param("reference", reference).param("contact", phone)
                        .param("id", String.valueOf(pdfId)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF));
        mvc.perform(post("/feedback/track/file").with(csrf()).param("reference", reference).param("contact", "99119911")
                        .param("id", String.valueOf(pdfId)))
                .andExpect(status().isNotFound());

        // the officer of the office handling it; not an officer of another office or agency
        String police = Fixtures.staff(accounts, Role.OFFICER, "POLICE");
        staffing.assign(police, "POLICE-1119", StaffActor.of(Role.AGENCY_ADMIN, "police-admin", "POLICE"));
        Cookie officer = WebSessions.login(mvc, police);
        mvc.perform(get("/feedback/queue/" + reference).cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/feedback/queue/" + reference + "/files/" + pdfId)));
        mvc.perform(get("/feedback/queue/" + reference + "/files/" + pdfId).cookie(officer))
                .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF));

        String otherOffice = Fixtures.staff(accounts, Role.OFFICER, "POLICE");
        staffing.assign(otherOffice, "POLICE-1110", StaffActor.of(Role.AGENCY_ADMIN, "police-admin", "POLICE"));
        String otherAgency = Fixtures.staff(accounts, Role.OFFICER, "GDT");
        for (String login : new String[] {otherOffice, otherAgency}) {
            mvc.perform(get("/feedback/queue/" + reference + "/files/" + pdfId).cookie(WebSessions.login(mvc, login)))
                    .andExpect(status().isNotFound());
            assertThat(jdbc.sql("select count(*) from audit.entry where action = 'feedback.attachment.downloaded' "
                            + "and outcome = 'DENIED' and object_id = :r and actor_login = :l")
                    .param("r", reference).param("l", login).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'feedback.attachment.downloaded' "
                        + "and outcome = 'SUCCESS' and object_id = :r").param("r", reference).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aProgramDisguisedAsAPictureIsRefusedAndNothingTypedOrAcceptedIsLost() throws Exception {
        String text = "Гэрчийн мэдүүлэг " + System.nanoTime();
        String phone = FeedbackFixtures.freshMobile();
        String page = mvc.perform(form(text, phone, file("photo.jpg", "image/jpeg", EXE), file("мэдүүлэг.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file «photo.jpg» cannot be attached")))
                .andExpect(content().string(containsString(text)))
                .andExpect(content().string(containsString("мэдүүлэг.pdf")))
                .andReturn().getResponse().getContentAsString();
        assertThat(casesWithText(text)).isZero();
        Matcher keep = Pattern.compile("name=\"keep\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertThat(keep.find()).as("the form carries the token of the kept file").isTrue();

        // sent again with the token and no new file: the kept PDF comes with the case
        MvcResult sent = mvc.perform(form(text, phone).param("keep", keep.group(1)))
                .andExpect(status().is3xxRedirection()).andReturn();
        FeedbackCase c = cases.get((String) sent.getFlashMap().get("reference"));
        assertThat(store.attachmentsOf(c.id())).extracting(CaseStore.StoredAttachment::fileName).containsExactly("мэдүүлэг.pdf");
        assertThat(jdbc.sql("select count(*) from feedback.pending_upload where token = :t").param("t", keep.group(1))
                .query(Integer.class).single()).isZero();
        assertThat(casesWithText(text)).isEqualTo(1);
    }

    @Test
    void aFileThatIsTooLargeNamedAsAnotherTypeOrOneTooManyIsRefusedWithAClearMessage() throws Exception {
        byte[] big = new byte[Attachment.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(form("Том файл", FeedbackFixtures.freshMobile(), file("scan.pdf", "application/pdf", big)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("The file «scan.pdf» is empty or larger than 5 MB")));
        mvc.perform(form("Нэр буруу", FeedbackFixtures.freshMobile(), file("scan.png", "image/png", PDF)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("The file «scan.png» cannot be attached")));
        mvc.perform(form("Зургаан файл", FeedbackFixtures.freshMobile(), file("1.pdf", "application/pdf", PDF),
                        file("2.pdf", "application/pdf", PDF), file("3.pdf", "application/pdf", PDF),
                        file("4.pdf", "application/pdf", PDF), file("5.pdf", "application/pdf", PDF),
                        file("6.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("At most 5 files can be attached")));
        mvc.perform(form("Зөвхөн бичвэр", FeedbackFixtures.freshMobile(), file("note.txt", "text/plain",
                        "Сайн байна уу".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form("mn", "Монгол хэлээр", FeedbackFixtures.freshMobile(), file("photo.jpg", "image/jpeg", EXE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("файлыг хавсаргах боломжгүй")));
    }

    @Test
    void aLoggedInCitizenDownloadsTheirOwnFilesAndIsToldThroughTheirAccount() throws Exception {
        String citizen = Fixtures.citizen(accounts);
        Cookie session = WebSessions.login(mvc, citizen);
        MockMultipartHttpServletRequestBuilder request = multipart("/feedback");
        request.file(file("receipt.pdf", "application/pdf", PDF));
        request.param("lang", "en").param("kind", "REQUEST").param("category", "taxes").param("text", "Татварын баримт хавсаргав");
        request.with(csrf()).with(FeedbackFixtures.freshAddress());
        MvcResult sent = mvc.perform(request.cookie(session)).andExpect(status().is3xxRedirection()).andReturn();
        FeedbackCase c = cases.get((String) sent.getFlashMap().get("reference"));
        assertThat(c.citizenLogin()).isEqualTo(citizen);
        long id = store.attachmentsOf(c.id()).get(0).id();

        mvc.perform(get("/feedback/mine/" + c.reference() + "/files/" + id).cookie(session))
                .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF));
        mvc.perform(get("/feedback/mine/" + c.reference() + "/files/" + (id + 100_000)).cookie(session))
                .andExpect(status().isNotFound());
        String other = Fixtures.citizen(accounts);
        mvc.perform(get("/feedback/mine/" + c.reference() + "/files/" + id).cookie(WebSessions.login(mvc, other)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'feedback.attachment.downloaded' "
                        + "and outcome = 'DENIED' and object_id = :r").param("r", c.reference()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from notifications.notification where caller = 'feedback' and kind = 'feedback_received' "
                        + "and caller_reference = :r and account_id is not null").param("r", c.reference() + "-received")
                .query(Integer.class).single()).as("the logged-in citizen is told through their account").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFormTakesAnOptionalExactSpotAndRefusesAHalfOrMalformedOne() throws Exception {
        mvc.perform(form("Гэрэлгүй гудамж", FeedbackFixtures.freshMobile()).param("latitude", "47.9185").param("longitude", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Give both latitude")))
                .andExpect(content().string(containsString("47.9185")));
        mvc.perform(form("Гэрэлгүй гудамж", FeedbackFixtures.freshMobile()).param("latitude", "47.9185"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Give both latitude")));
        MvcResult sent = mvc.perform(form("Гэрэлгүй гудамж", FeedbackFixtures.freshMobile())
                        .param("latitude", "47,9185").param("longitude", "106.9176"))
                .andExpect(status().is3xxRedirection()).andReturn();
        FeedbackCase c = cases.get((String) sent.getFlashMap().get("reference"));
        assertThat(c.latitude()).isEqualTo(47.9185);
        assertThat(c.longitude()).isEqualTo(106.9176);
    }
}
