package mn.zasag.notifications;

import mn.zasag.notifications.internal.MessageTemplate;
import mn.zasag.notifications.internal.Notification;
import mn.zasag.notifications.internal.Outbox;
import mn.zasag.notifications.internal.SmsText;
import mn.zasag.notifications.internal.TemplateStore;
import mn.zasag.notifications.internal.TemplateText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notifications module's API: send a message from a template. The message is rendered and written
 * to the outbox in the caller's transaction (it commits or rolls back with the caller's change) and
 * delivered after commit by {@code Deliverer}, with retries.
 */
@Service
public class Notifications {

    private final TemplateStore templates;
    private final Outbox outbox;
    private final Clock clock;

    Notifications(TemplateStore templates, Outbox outbox, Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records one message per channel the recipient has (email and/or SMS).
     *
     * @param recipient    where to; a Mongolian mobile number is normalized to +976...
     * @param templateKind e.g. {@code account_registered}
     * @param placeholders a value for every {@code {name}} the template uses
     * @param language     the template's language
     * @param reference    the caller and its own id for this message; sending it again records nothing new
     * @return the notifications, one per channel (the existing ones for a repeated reference)
     * @throws RecipientInvalid   no address, or one that is not valid
     * @throws TemplateNotFound   no such kind
     * @throws PlaceholderMissing a placeholder without a value
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<NotificationId> send(Recipient recipient, String templateKind, Map<String, String> placeholders,
                                     Language language, CallerReference reference) {
        if (!recipient.hasEmail() && !recipient.hasMobile()) {
            throw new RecipientInvalid("notification_recipient_missing");
        }
        String email = recipient.hasEmail() ? recipient.checkedEmail() : null;
        String mobile = recipient.hasMobile() ? recipient.normalizedMobile() : null;
        MessageTemplate template = templates.get(templateKind, language.code());
        Map<String, String> values = placeholders == null ? Map.of() : placeholders;
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<NotificationId> ids = new ArrayList<>(2);
        if (email != null) {
            String subject = TemplateText.render(templateKind, template.emailSubject(), values).strip();
            String body = TemplateText.render(templateKind, template.emailBody(), values);
            ids.add(new NotificationId(outbox.record(new Notification(UUID.randomUUID(), reference.caller(),
                    reference.reference(), Channel.EMAIL, email, templateKind, language.code(), subject, body, null,
                    null, NotificationStatus.CREATED, 0, now, null, null, now, now))));
        }
        if (mobile != null) {
            String body = TemplateText.render(templateKind, template.smsBody(), values);
            SmsText sms = SmsText.of(body);
            ids.add(new NotificationId(outbox.record(new Notification(UUID.randomUUID(), reference.caller(),
                    reference.reference(), Channel.SMS, mobile, templateKind, language.code(), null, body,
                    sms.encoding().name(), sms.partCount(), NotificationStatus.CREATED, 0, now, null, null, now, now))));
        }
        return List.copyOf(ids);
    }

    /** Where a notification stands. */
    public NotificationStatus status(NotificationId id) {
        return outbox.find(id.value()).map(Notification::status)
                .orElseThrow(() -> new NotificationNotFound(id.toString()));
    }
}
