package mn.zasag.notifications.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.identity.AccountSummary;
import mn.zasag.notifications.Recipient;
import mn.zasag.notifications.internal.ChannelPreferences.Choice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** A person chooses how the platform reaches them: SMS, email or both. Audited. */
@Service
public class PreferenceChanging {

    private final ChannelPreferences preferences;
    private final AuditTrail audit;
    private final Clock clock;

    PreferenceChanging(ChannelPreferences preferences, AuditTrail audit, Clock clock) {
        this.preferences = preferences;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves the choice, unless the account has no usable address for it; returns the message key of the
     * refusal otherwise.
     */
    @Transactional
    public Optional<String> choose(AccountSummary account, Choice choice) {
        Recipient usable = new Recipient(account.email(), account.mobile()).usable();
        if (choice == Choice.SMS && !usable.hasMobile()) {
            return Optional.of("notifications.preferences.noMobile");
        }
        if (choice == Choice.EMAIL && !usable.hasEmail()) {
            return Optional.of("notifications.preferences.noEmail");
        }
        preferences.set(account.id(), choice, OffsetDateTime.now(clock));
        audit.record(AuditEvent.success("notifications.preference.changed", "account", String.valueOf(account.id()))
                .withDetails(Map.of("channels", choice.name())));
        return Optional.empty();
    }
}
