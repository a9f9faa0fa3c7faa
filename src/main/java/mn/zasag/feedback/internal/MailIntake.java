package mn.zasag.feedback.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import mn.zasag.feedback.Attachment;
import mn.zasag.feedback.CaseKind;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.feedback.TooManyCases;
import mn.zasag.notifications.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Email to the 11-11 mailbox: polls its INBOX over IMAP for unseen messages; each becomes a case (its
 * plain text, else its HTML without tags, else its subject) with its allowed attachments, and is then
 * flagged seen. The Message-ID is the case's source key, so a message polled twice (the flag was lost)
 * files one case. A message refused for its content or a flood is flagged seen too and logged.
 */
@Component
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final FeedbackCases cases;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String user;
    private final String password;

    public MailIntake(FeedbackCases cases, @Value("${zasag.feedback.imap.host:}") String host,
                      @Value("${zasag.feedback.imap.port:993}") int port, @Value("${zasag.feedback.imap.ssl:true}") boolean ssl,
                      @Value("${zasag.feedback.imap.user:}") String user, @Value("${zasag.feedback.imap.password:}") String password) {
        this.cases = cases;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.user = user;
        this.password = password;
    }

    @Scheduled(fixedDelayString = "${zasag.feedback.imap.interval:1m}", initialDelayString = "${zasag.feedback.imap.interval:1m}")
    void scheduled() {
        if (!host.isBlank()) {
            try {
                poll();
            } catch (MessagingException e) {
                log.warn("11-11 mailbox {}:{} not read: {}", host, port, e.getMessage());
            }
        }
    }

    /** Reads the mailbox once; returns how many cases were filed. */
    public int poll() throws MessagingException {
        String protocol = ssl ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int filed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(host, port, user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take(message)) {
                        filed++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        }
        return filed;
    }

    private boolean take(Message message) throws MessagingException {
        String id = message instanceof MimeMessage mime && mime.getMessageID() != null ? mime.getMessageID()
                : "uid-" + message.getMessageNumber() + "-" + message.getSentDate();
        String from = sender(message);
        Content content = new Content();
        try {
            read(message, content);
        } catch (IOException e) {
            log.warn("11-11 email {} unreadable, kept unseen for another try: {}", id, e.getMessage());
            throw new MessagingException("unreadable", e);
        }
        String text = content.plain.length() > 0 ? content.plain.toString().strip()
                : content.html.length() > 0 ? content.html.toString().replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip()
                : message.getSubject() == null ? "" : message.getSubject().strip();
        if (text.length() > FeedbackCases.MAX_TEXT) {
            text = text.substring(0, FeedbackCases.MAX_TEXT);
        }
        boolean latin = text.chars().noneMatch(ch -> ch >= 0x0400 && ch <= 0x04FF);
        try {
            cases.file(new NewCase(CaseKind.COMPLAINT, "other", null, null, null, text, null, null, from, null,
                    IntakeChannel.EMAIL, latin ? "en" : "mn", false, "email:" + id, from == null ? null : "email:" + from),
                    "email", content.attachments);
            return true;
        } catch (FeedbackRefused | TooManyCases e) {
            log.info("11-11 email {} files no case: {}", id, e.code());
            return false;
        }
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        Recipient usable = Recipient.email(address.getAddress()).usable();
        return usable.hasEmail() ? usable.email() : null;
    }

    private static final class Content {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
    }

    private static void read(Part part, Content content) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null && !part.isMimeType("multipart/*");
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                read(child, content);
            }
        } else if (attached) {
            content.attachments.add(new Attachment(part.getFileName() == null ? "attachment" : part.getFileName(),
                    part.getContentType(), bytes(part)));
        } else if (part.isMimeType("text/plain")) {
            content.plain.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            content.html.append(part.getContent());
        }
    }

    /** At most one byte past the limit is read: enough to know a file is too large. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > Attachment.MAX_BYTES) {
                    break;
                }
            }
            return out.toByteArray();
        }
    }
}
