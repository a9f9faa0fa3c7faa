package mn.zasag.notifications.internal;

import mn.zasag.identity.CitizenRegistered;
import mn.zasag.identity.PasswordChanged;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The messages identity's events call for: a welcome to a citizen who registered, a warning to someone
 * whose password was changed. Plain synchronous listeners on purpose: they run in the publishing
 * transaction, so the outbox row exists exactly when the account (or the new password) does.
 */
@Component
class AccountMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final Notifications notifications;

    AccountMessages(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CitizenRegistered registered) {
        Recipient recipient = Recipient.account(registered.accountId(), registered.email(), registered.mobile()).usable();
        if (!recipient.hasEmail() && !recipient.hasMobile()) {
            return;
        }
        notifications.send(recipient, "account_registered",
                Map.of("name", registered.givenName()), Language.of(registered.locale()),
                new CallerReference("identity", "account-" + registered.accountId() + "-registered"));
    }

    @EventListener
    void on(PasswordChanged changed) {
        // a refused address must not undo the password change: warn where we can
        Recipient recipient = Recipient.account(changed.accountId(), changed.email(), changed.mobile()).usable();
        if (!recipient.hasEmail() && !recipient.hasMobile()) {
            return; // e.g. a staff account without an email address: nowhere to warn
        }
        notifications.send(recipient, "password_changed",
                Map.of("name", changed.givenName(), "time", TIME.format(changed.at().atZoneSameInstant(MONGOLIA))),
                Language.of(changed.locale()),
                new CallerReference("identity", "account-" + changed.accountId() + "-password-" + changed.at().toInstant().toEpochMilli()));
    }
}
