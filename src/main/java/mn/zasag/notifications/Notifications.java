package mn.zasag.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Accounts;
import mn.zasag.notifications.internal.ChannelPreferences;
import mn.zasag.notifications.internal.MessageTemplate;
import mn.zasag.notifications.internal.Notification;
import mn.zasag.notifications.internal.NotificationSettings;
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
    private final ChannelPreferences preferences;
    private final Accounts accounts;
    private final NotificationSettings settings;
    private final MeterRegistry meters;

    Notifications(TemplateStore templates, Outbox outbox, Clock clock, ChannelPreferences preferences, Accounts accounts,
                  NotificationSettings settings, MeterRegistry meters) {
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.preferences = preferences;
        this.accounts = accounts;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * Records one message per channel the recipient has (email and/or SMS). For a recipient with an
     * account, only the channels the citizen chose (SMS, email or both; both when they never chose), and
     * the account's current addresses when none are given. A channel the citizen chose but has no
     * address for falls back to the one they have, so that a message is never silently lost. A message
     * past the per-recipient limit ({@code ZASAG_NOTIFICATIONS_MAX_PER_RECIPIENT} per address and
     * channel in {@code ZASAG_NOTIFICATIONS_RECIPIENT_WINDOW}) is recorded as THROTTLED, not sent; the
     * caller's change goes through.
     *
     * @param recipient    where to; a Mongolian mobile number is normalized to +976...
     * @param templateKind e.g. {@code account_registered}
     * @param placeholders a value for every {@code {name}} the template uses
     * @param language     the template's language
     * @param reference    the caller and its own id for this message; sending it again records nothing new
     * @return the notifications, one per channel (the existing ones for a repeated reference)
     * @throws RecipientInvalid   no address, or one that is not valid, or an unknown account
     * @throws TemplateNotFound   no such kind
     * @throws PlaceholderMissing a placeholder without a value
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<NotificationId> send(Recipient recipient, String templateKind, Map<String, String> placeholders,
                                     Language language, CallerReference reference) {
        recipient = addressed(recipient);
        if (!recipient.hasEmail() && !recipient.hasMobile()) {
            throw new RecipientInvalid("notification_recipient_missing");
        }
        String email = recipient.hasEmail() ? recipient.checkedEmail() : null;
        String mobile = recipient.hasMobile() ? recipient.normalizedMobile() : null;
        MessageTemplate template = templates.get(templateKind, language.code());
        Map<String, String> values = placeholders == null ? Map.of() : placeholders;
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<NotificationId> ids = new ArrayList<>(2);
        Long account = recipient.accountId();
        if (email != null) {
            String subject = TemplateText.render(templateKind, template.emailSubject(), values).strip();
            String body = TemplateText.render(templateKind, template.emailBody(), values);
            ids.add(new NotificationId(outbox.record(throttled(new Notification(UUID.randomUUID(), reference.caller(),
                    reference.reference(), Channel.EMAIL, email, templateKind, language.code(), subject, body, null,
                    null, NotificationStatus.CREATED, 0, now, null, null, now, now, account)))));
        }
        if (mobile != null) {
            String body = TemplateText.render(templateKind, template.smsBody(), values);
            SmsText sms = SmsText.of(body);
            ids.add(new NotificationId(outbox.record(throttled(new Notification(UUID.randomUUID(), reference.caller(),
                    reference.reference(), Channel.SMS, mobile, templateKind, language.code(), null, body,
                    sms.encoding().name(), sms.partCount(), NotificationStatus.CREATED, 0, now, null, null, now, now,
                    account)))));
        }
        return List.copyOf(ids);
    }

    /** An account's recipient with its addresses filled in and narrowed to the channels its owner chose. */
    private Recipient addressed(Recipient recipient) {
        if (recipient.accountId() == null) {
            return recipient;
        }
        long id = recipient.accountId();
        if (!recipient.hasEmail() && !recipient.hasMobile()) {
            AccountSummary account = accounts.find(id).orElseThrow(() -> new RecipientInvalid("notification_account_unknown"));
            recipient = new Recipient(account.email(), account.mobile(), id).usable();
        }
        return switch (preferences.of(id)) {
            case SMS -> recipient.hasMobile() ? new Recipient(null, recipient.mobile(), id) : recipient;
            case EMAIL -> recipient.hasEmail() ? new Recipient(recipient.email(), null, id) : recipient;
            case BOTH -> recipient;
        };
    }

    /**
     * The message, or THROTTLED when its address already had the limit within the window. Checked when
     * sent (not when delivered): the caller and an admin see the outcome at once, a backlog after an
     * outage is not mistaken for a flood, and a looping caller is stopped before it fills the outbox.
     */
    private Notification throttled(Notification n) {
        int limit = settings.maxPerRecipient();
        if (limit == 0 || outbox.recentTo(n.channel(), n.recipient(), n.createdAt().minus(settings.recipientWindow())) < limit) {
            return n;
        }
        Counter.builder("zasag.notifications.sent")
                .tag("channel", n.channel().name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", "throttled")
                .register(meters).increment();
        return new Notification(n.id(), n.caller(), n.callerReference(), n.channel(), n.recipient(), n.kind(),
                n.language(), n.subject(), n.body(), n.smsEncoding(), n.smsParts(), NotificationStatus.THROTTLED,
                0, n.nextAttemptAt(), "recipient_limit_exceeded", null, n.createdAt(), n.updatedAt(), n.accountId());
    }

    /** Where a notification stands. */
    public NotificationStatus status(NotificationId id) {
        return outbox.find(id.value()).map(Notification::status)
                .orElseThrow(() -> new NotificationNotFound(id.toString()));
    }
}
