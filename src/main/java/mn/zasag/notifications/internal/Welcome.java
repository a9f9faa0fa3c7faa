package mn.zasag.notifications.internal;

import mn.zasag.identity.CitizenRegistered;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Welcomes a citizen who registered, by SMS and (if they gave one) email. A plain synchronous listener
 * on purpose: it runs in the registering transaction, so the outbox row exists exactly when the account
 * does.
 */
@Component
class Welcome {

    private final Notifications notifications;

    Welcome(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CitizenRegistered registered) {
        notifications.send(new Recipient(registered.email(), registered.mobile()), "account_registered",
                Map.of("name", registered.givenName()), Language.of(registered.locale()),
                new CallerReference("identity", "account-" + registered.accountId() + "-registered"));
    }
}
