package mn.zasag.feedback;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.MailIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Email to the 11-11 mailbox, read over IMAP from GreenMail as from a real mail server. */
@ZasagTest
class MailIntakeTests {

    @Autowired
    FeedbackCases cases;
    @Autowired
    CaseStore store;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;

    private GreenMail mail;
    private GreenMailUser mailbox;
    private MailIntake intake;

    @BeforeEach
    void startMailServer() {
        FeedbackFixtures.routingAgencies(agencies);
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        mailbox = mail.setUser("1111@zasag.mn", "1111@zasag.mn", "mailbox-secret");
        intake = new MailIntake(cases, "127.0.0.1", mail.getImap().getPort(), false, "1111@zasag.mn", "mailbox-secret");
    }

    @AfterEach
    void stopMailServer() {
        mail.stop();
    }

    private MimeMessage message(String from, String subject, String id) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("1111@zasag.mn"));
        m.setSubject(subject, "UTF-8");
        return m;
    }

    private List<FeedbackCase> casesFrom(String from) {
        return jdbc.sql("select reference from feedback.feedback_case where contact_email = :e order by id")
                .param("e", from).query(String.class).list().stream().map(cases::get).toList();
    }

    @Test
    void anEmailWithAttachmentsBecomesOneCaseAndTheSenderGetsTheReferenceByEmail() throws Exception {
        String from = "citizen" + System.nanoTime() + "@example.mn";
        MimeMessage m = message(from, "Гомдол", "<" + System.nanoTime() + "@example.mn>");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Сургуулийн замын гэрэл асахгүй байна.", "UTF-8");
        parts.addBodyPart(text);
        MimeBodyPart photo = new MimeBodyPart();
        photo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "image/png")));
        photo.setFileName("photo.png");
        photo.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(photo);
        MimeBodyPart program = new MimeBodyPart();
        program.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {'M', 'Z', 0, 0}, "application/x-msdownload")));
        program.setFileName("virus.exe");
        program.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(program);
        MimeBodyPart huge = new MimeBodyPart();
        huge.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[Attachment.MAX_BYTES + 10], "application/pdf")));
        huge.setFileName("huge.pdf");
        huge.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(huge);
        m.setContent(parts);
        m.saveChanges();
        mailbox.deliver(m);

        assertThat(intake.poll()).isEqualTo(1);
        assertThat(intake.poll()).isZero();

        List<FeedbackCase> filed = casesFrom(from);
        assertThat(filed).hasSize(1);
        FeedbackCase c = filed.get(0);
        assertThat(c.channel()).isEqualTo(IntakeChannel.EMAIL);
        assertThat(c.text()).isEqualTo("Сургуулийн замын гэрэл асахгүй байна.");
        assertThat(store.attachmentsOf(c.id())).extracting(CaseStore.StoredAttachment::fileName).containsExactly("photo.png");
        assertThat(store.historyOf(c.id()).get(0).note())
                .contains("feedback_attachment_type: virus.exe").contains("feedback_attachment_size: huge.pdf");
        assertThat(jdbc.sql("select count(*) from notifications.notification where caller = 'feedback' and kind = 'feedback_received' "
                + "and recipient = :e and channel = 'EMAIL'").param("e", from).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anEmailWithOnlyHtmlOrOnlyASubjectStillBecomesACase() throws Exception {
        String from = "html" + System.nanoTime() + "@example.mn";
        MimeMessage html = message(from, "HTML", "<h" + System.nanoTime() + "@example.mn>");
        html.setContent("<p>Please fix the <b>bus stop</b></p>", "text/html; charset=UTF-8");
        html.saveChanges();
        mailbox.deliver(html);
        MimeMessage subjectOnly = message(from, "Автобус ирэхгүй байна", "<s" + System.nanoTime() + "@example.mn>");
        subjectOnly.setText("", "UTF-8");
        subjectOnly.saveChanges();
        mailbox.deliver(subjectOnly);

        assertThat(intake.poll()).isEqualTo(2);
        assertThat(casesFrom(from)).extracting(FeedbackCase::text)
                .containsExactlyInAnyOrder("Please fix the bus stop", "Автобус ирэхгүй байна");
    }
}
