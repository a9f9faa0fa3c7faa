package mn.zasag.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import mn.zasag.notifications.Channel;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Email over SMTP (Jakarta Mail). Plain text in UTF-8, so Cyrillic arrives intact; the Message-ID is
 * the notification's id, so a receiving system can tell a repeated hand-over (after a crash at the
 * wrong moment) from a new message.
 */
@Component
class EmailGateway implements Gateway {

    private final NotificationSettings.Smtp smtp;
    private final JavaMailSenderImpl sender;

    EmailGateway(NotificationSettings settings) {
        this.smtp = settings.smtp();
        this.sender = smtp.configured() ? sender(smtp) : null;
    }

    private static JavaMailSenderImpl sender(NotificationSettings.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = sender.getJavaMailProperties();
        if (smtp.user() != null && !smtp.user().isBlank()) {
            sender.setUsername(smtp.user());
            sender.setPassword(smtp.password());
            props.put("mail.smtp.auth", "true");
        }
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        return sender;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return sender != null;
    }

    @Override
    public String send(Notification n) throws GatewayFailure {
        String messageId = "<" + n.id() + "@zasag>";
        try {
            MimeMessage message = new MimeMessage(sender.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(n.recipient(), true));
            message.setSubject(n.subject(), StandardCharsets.UTF_8.name());
            message.setText(n.body(), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", n.language());
            sender.send(message);
            return messageId;
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new GatewayFailure(false, "email_invalid_message", e);
        } catch (MailAuthenticationException e) {
            throw new GatewayFailure(true, "smtp_authentication_failed", e);
        } catch (MailSendException e) {
            throw permanent(e) ? new GatewayFailure(false, "smtp_rejected", e)
                    : new GatewayFailure(true, "smtp_unavailable", e);
        } catch (MailException e) {
            throw new GatewayFailure(true, "smtp_unavailable", e);
        }
    }

    /** The SMTP reply code Angus Mail's exceptions carry (its classes are not part of the Jakarta Mail API). */
    private static int replyCode(Throwable t) {
        try {
            return (int) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    /** A 5xx reply (address unknown, message refused) will not change on retry; anything else might. */
    private static boolean permanent(MailSendException e) {
        for (Exception cause : e.getMessageExceptions()) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (replyCode(t) >= 500) {
                    return true;
                }
                if (t instanceof SendFailedException && t.getCause() == null && t.getMessage() != null
                        && t.getMessage().startsWith("Invalid Addresses")) {
                    return true;
                }
            }
        }
        return false;
    }
}
