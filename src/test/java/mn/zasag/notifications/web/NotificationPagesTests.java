package mn.zasag.notifications.web;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.identity.Role;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.NotificationId;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import mn.zasag.notifications.internal.Deliverer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class NotificationPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    Deliverer deliverer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agencies agencies;

    Cookie admin;

    @BeforeEach
    void logIn() throws Exception {
        admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
    }

    private Document page(String path, Cookie session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void anAdminSeesATemplateWithAPreviewFilledWithExampleValues() throws Exception {
        Document page = page("/admin/notifications/templates/account_registered/mn", admin);

        assertThat(page.select("#emailSubject").val()).isEqualTo("Засаг: бүртгэл үүслээ");
        assertThat(page.select("#preview-body").text()).contains("Сайн байна уу, Сараа.").doesNotContain("{name}");
        assertThat(page.select("#preview-sms-encoding").text()).contains("UCS-2");
    }

    @Test
    void previewShowsTheEditedTextsWithoutSavingThem() throws Exception {
        String before = subject("password_changed", "en");

        Document page = Jsoup.parse(mvc.perform(post("/admin/notifications/templates/password_changed/en").with(csrf()).cookie(admin)
                        .param("action", "preview").param("emailSubject", "Changed at {time}")
                        .param("emailBody", "Dear {name}").param("smsBody", "x".repeat(161)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#preview-subject").text()).isEqualTo("Changed at 2026-11-27 12:00");
        assertThat(page.select("#preview-sms-encoding").text()).contains("GSM-7").endsWith(", 2 мессеж");
        assertThat(subject("password_changed", "en")).isEqualTo(before);
    }

    @Test
    void savingATemplateChangesWhatIsSentAndIsAudited() throws Exception {
        String subject = "Your Zasag password changed " + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(post("/admin/notifications/templates/password_changed/en").with(csrf()).cookie(admin)
                        .param("action", "save").param("emailSubject", subject)
                        .param("emailBody", "Hello {name}, changed at {time}.").param("smsBody", "Changed at {time}"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/notifications/templates/password_changed/en"));

        CallerReference reference = new CallerReference("tests", UUID.randomUUID().toString());
        notifications.send(Recipient.email("p@example.mn"), "password_changed", Map.of("name", "P", "time", "09:00"),
                Language.EN, reference);
        assertThat(jdbc.sql("select subject from notifications.notification where caller_reference = :r")
                .param("r", reference.reference()).query(String.class).single()).isEqualTo(subject);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'notifications.template.changed' and object_id = 'password_changed/en'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aTemplateUsingAnUndeclaredPlaceholderIsNotSaved() throws Exception {
        String before = subject("account_registered", "en");

        Document page = Jsoup.parse(mvc.perform(post("/admin/notifications/templates/account_registered/en").with(csrf()).cookie(admin)
                        .param("action", "save").param("emailSubject", "Hi {nmae}")
                        .param("emailBody", "Hello {name}").param("smsBody", "Hello {name}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#emailSubject-error").text()).contains("{nmae}");
        assertThat(subject("account_registered", "en")).isEqualTo(before);
    }

    @Test
    void theOutboxShowsKeptMessagesToAdmins() throws Exception {
        String email = "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.mn";
        NotificationId id = notifications.send(Recipient.email(email), "account_registered", Map.of("name", "Оюун"),
                Language.MN, new CallerReference("tests", UUID.randomUUID().toString())).get(0);
        while (deliverer.deliverDue() > 0) {
            // deliver everything due: with no SMTP server, kept
        }

        Document outbox = page("/admin/notifications?status=KEPT&recipient=" + email, admin);
        assertThat(outbox.select("tbody tr")).hasSize(1);
        assertThat(outbox.select("tbody tr").text()).contains(email).contains("Гарах саванд хадгалсан");

        Document message = page("/admin/notifications/" + id, admin);
        assertThat(message.select("#subject").text()).isEqualTo("Засаг: бүртгэл үүслээ");
        assertThat(message.select("#body").text()).contains("Сайн байна уу, Оюун.");
    }

    @Test
    void anAdminSendsAKeptMessageAgainAsANewAuditedNotification() throws Exception {
        String email = "again-" + UUID.randomUUID().toString().substring(0, 8) + "@example.mn";
        NotificationId original = notifications.send(Recipient.email(email), "account_registered", Map.of("name", "Цэцэг"),
                Language.MN, new CallerReference("tests", UUID.randomUUID().toString())).get(0);
        while (deliverer.deliverDue() > 0) {
            // kept: no SMTP server in this context
        }
        assertThat(page("/admin/notifications/" + original, admin).select("form[action$=/resend] button")).hasSize(1);

        String location = mvc.perform(post("/admin/notifications/" + original + "/resend").with(csrf()).cookie(admin))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String copy = location.substring("/admin/notifications/".length());
        assertThat(copy).isNotEqualTo(original.toString());
        var rows = jdbc.sql("select id::text, status, body from notifications.notification where recipient = :r order by created_at")
                .param("r", email).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("status")).isEqualTo("KEPT");
        assertThat(rows.get(1).get("id")).isEqualTo(copy);
        assertThat(rows.get(1).get("body")).isEqualTo(rows.get(0).get("body"));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'notifications.notification.resent' and object_id = :id")
                .param("id", copy).query(Long.class).single()).isEqualTo(1);
        assertThat(page(location, admin).select("[role=status]").text()).contains("хуулбар");
    }

    @Test
    void aBadFilterOrUnknownNotificationIsAFriendlyError() throws Exception {
        mvc.perform(get("/admin/notifications?status=NOPE").cookie(admin)).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/notifications/not-a-uuid").cookie(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/notifications/templates/no_such/mn").cookie(admin)).andExpect(status().isNotFound());
    }

    @Test
    void aCitizenSeesTheMessagesSentToThemAndNoOneElses() throws Exception {
        String mine = uniqueMobile();
        String theirs = uniqueMobile();
        String rn = register("Ариунаа", mine);
        register("Энхжин", theirs);

        Document page = page("/account/notifications", WebSessions.login(mvc, rn));

        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody tr").text()).contains(mine).contains("Ариунаа").doesNotContain("Энхжин");
    }

    @Test
    void peopleSharingAMobileNumberSeeOnlyTheMessagesAddressedToTheirOwnAccount() throws Exception {
        String shared = uniqueMobile();
        String mother = register("Оюунаа", shared);
        String son = register("Тэмүүлэн", shared);
        notifications.send(Recipient.mobile(shared), "account_registered", Map.of("name", "Хэн нэгэн"), Language.MN,
                new CallerReference("tests", UUID.randomUUID().toString()));

        Document mothers = page("/account/notifications", WebSessions.login(mvc, mother));
        Document sons = page("/account/notifications", WebSessions.login(mvc, son));

        assertThat(mothers.select("tbody tr")).hasSize(1);
        assertThat(mothers.select("tbody tr").text()).contains("Оюунаа").doesNotContain("Тэмүүлэн").doesNotContain("Хэн нэгэн");
        assertThat(sons.select("tbody tr")).hasSize(1);
        assertThat(sons.select("tbody tr").text()).contains("Тэмүүлэн").doesNotContain("Оюунаа");
    }

    @Test
    void aCitizenChoosesSmsOnlyOnTheAccountPageAndBadChoicesAreRefused() throws Exception {
        String rn = register("Сарнай", uniqueMobile());
        Cookie citizen = WebSessions.login(mvc, rn);

        Document form = page("/account/notifications/channels", citizen);
        assertThat(form.select("input[name=channels][checked]").val()).isEqualTo("BOTH");

        mvc.perform(post("/account/notifications/channels").with(csrf()).cookie(citizen).param("channels", "SMS"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/account/notifications/channels"));
        assertThat(page("/account/notifications/channels", citizen).select("input[name=channels][checked]").val()).isEqualTo("SMS");

        for (String bad : new String[]{"PIGEON", ""}) {
            Document refused = Jsoup.parse(mvc.perform(post("/account/notifications/channels").with(csrf()).cookie(citizen)
                    .param("channels", bad)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
            assertThat(refused.select("#channels-error").text()).isEqualTo("Аль нэг сонголтыг сонгоно уу.");
        }
        Document noEmail = Jsoup.parse(mvc.perform(post("/account/notifications/channels").with(csrf()).cookie(citizen)
                .param("channels", "EMAIL")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(noEmail.select("#channels-error").text()).contains("имэйл хаяг алга");
        assertThat(page("/account/notifications/channels", citizen).select("input[name=channels][checked]").val()).isEqualTo("SMS");

        mvc.perform(post("/account/notifications/channels").param("channels", "SMS").with(csrf()))
                .andExpect(status().is3xxRedirection()); // not signed in: to the login page
    }

    private String register(String givenName, String mobile) {
        String rn = Fixtures.freshRegisterNumber();
        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Бат", givenName, mobile, null, Fixtures.PASSWORD));
        return rn;
    }

    private static String uniqueMobile() {
        return "+9769" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    @Test
    void citizensAndOfficersCannotOpenNotificationPages() throws Exception {
        Cookie citizen = WebSessions.login(mvc, Fixtures.citizen(accounts));
        Cookie officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, Fixtures.freshAgency(agencies)));

        for (Cookie session : new Cookie[]{citizen, officer}) {
            mvc.perform(post("/admin/notifications/" + UUID.randomUUID() + "/resend").with(csrf()).cookie(session))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/admin/notifications").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/notifications/templates").cookie(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void anAdminListsInboundSmsWithTheirStatusAndTheApiGivesTheSame() throws Exception {
        String number = "14" + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        long id = jdbc.sql("""
                        insert into notifications.inbound_sms (source, short_number, data_coding, text, parts, status,
                            next_attempt_at, received_at, updated_at)
                        values ('+97699887766', :n, 8, 'Гэрэл асахгүй байна', 1, 'UNROUTED', now(), now(), now()) returning id""")
                .param("n", number).query(Long.class).single();

        Document page = page("/admin/notifications/inbound?shortNumber=" + number, admin);

        assertThat(page.select("#inbound tbody tr")).hasSize(1);
        assertThat(page.select("#inbound-" + id + " .inbound-text").text()).isEqualTo("Гэрэл асахгүй байна");
        assertThat(page.select("#inbound-" + id + " .inbound-status").text()).isEqualTo("Энэ дугаарыг эзэмшдэг үйлчилгээ алга");
        assertThat(page("/admin/notifications/inbound?status=HANDLED&shortNumber=" + number, admin).select("#inbound tbody tr")).isEmpty();

        String json = mvc.perform(get("/api/v1/admin/notifications/inbound?shortNumber=" + number)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("ops")
                                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("NOTIFICATIONS_ADMIN"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"status\":\"UNROUTED\"").contains("\"id\":" + id);

        mvc.perform(get("/admin/notifications/inbound?status=NOPE").cookie(admin)).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/notifications/inbound?shortNumber=abc").cookie(admin)).andExpect(status().isBadRequest());
        Cookie citizen = WebSessions.login(mvc, Fixtures.citizen(accounts));
        mvc.perform(get("/admin/notifications/inbound").cookie(citizen)).andExpect(status().isForbidden());
    }

    private String subject(String kind, String language) {
        return jdbc.sql("select email_subject from notifications.template where kind = :k and language = :l")
                .param("k", kind).param("l", language).query(String.class).single();
    }
}
