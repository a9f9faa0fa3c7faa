package mn.zasag.identity;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.internal.AccountStore;
import mn.zasag.identity.internal.PasswordPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The identity module's API: registering citizens, creating and disabling staff accounts. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder passwords, AuditTrail audit, Agencies agencies,
             ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.agencies = agencies;
        this.events = events;
    }

    /** A citizen registers themselves; their login is their register number. */
    @Transactional
    public long registerCitizen(NewCitizen citizen) {
        String login = citizen.registerNumber().value();
        PasswordPolicy.check(citizen.password(), login);
        if (store.loginExists(login)) {
            throw new LoginTaken();
        }
        long id;
        try {
            id = store.insert(login, Role.CITIZEN, login, citizen.familyName(), citizen.givenName(),
                    citizen.mobile(), citizen.email(), null, passwords.encode(citizen.password()));
        } catch (DuplicateKeyException raced) {
            throw new LoginTaken();
        }
        audit.record(AuditEvent.success("identity.account.registered", "account", String.valueOf(id))
                .withActorLogin(login).withDetails(Map.of("role", Role.CITIZEN.name())));
        events.publishEvent(new CitizenRegistered(id, citizen.givenName(), citizen.mobile(), citizen.email(),
                requestLocale()));
        return id;
    }

    /** An administrator creates an official's or administrator's account. */
    @Transactional
    public long createStaff(NewStaff staff) {
        if (staff.role() == Role.CITIZEN) {
            throw new IllegalArgumentException("citizens register themselves");
        }
        if (staff.role().needsAgency() != (staff.agencyCode() != null)
                || (staff.agencyCode() != null && agencies.find(staff.agencyCode()).isEmpty())) {
            throw new UnknownAgency(String.valueOf(staff.agencyCode()));
        }
        PasswordPolicy.check(staff.password(), staff.login());
        if (store.loginExists(staff.login())) {
            throw new LoginTaken();
        }
        long id;
        try {
            id = store.insert(staff.login(), staff.role(), null, staff.familyName(), staff.givenName(), null,
                    staff.email(), staff.agencyCode(), passwords.encode(staff.password()));
        } catch (DuplicateKeyException raced) {
            throw new LoginTaken();
        }
        audit.record(AuditEvent.success("identity.account.created", "account", String.valueOf(id))
                .withDetails(Map.of("login", staff.login(), "role", staff.role().name(),
                        "agency", String.valueOf(staff.agencyCode()))));
        return id;
    }

    /** Disables or re-enables a staff account; the caller's permission decides which agencies it may touch. */
    @Transactional
    public void setEnabled(long id, boolean enabled, String limitToAgency) {
        AccountSummary account = store.find(id)
                .filter(a -> a.role() != Role.CITIZEN)
                .filter(a -> limitToAgency == null || limitToAgency.equals(a.agencyCode()))
                .orElseThrow(() -> new AccountNotFound(id));
        store.setEnabled(account.id(), enabled);
        audit.record(AuditEvent.success(enabled ? "identity.account.enabled" : "identity.account.disabled",
                "account", String.valueOf(id)).withDetails(Map.of("login", account.login())));
    }

    /**
     * Changes one's own password after checking the current one. Other sessions of the account stay
     * valid (ending them is the job of a later "sign out everywhere").
     */
    @Transactional(noRollbackFor = WrongPassword.class) // the refusal's audit entry must stay
    public void changePassword(long id, String current, String next) {
        AccountSummary account = store.find(id).orElseThrow(() -> new AccountNotFound(id));
        String hash = store.passwordHash(id).orElseThrow(() -> new AccountNotFound(id));
        if (!passwords.matches(current, hash)) {
            audit.record(AuditEvent.failure("identity.password.change_refused", "account", String.valueOf(id)));
            throw new WrongPassword();
        }
        PasswordPolicy.check(next, account.login());
        store.setPasswordHash(id, passwords.encode(next));
        audit.record(AuditEvent.success("identity.password.changed", "account", String.valueOf(id)));
        events.publishEvent(new PasswordChanged(id, account.givenName(), account.mobile(), account.email(),
                OffsetDateTime.now(clock), requestLocale()));
    }

    /** The language of the page being served, or null outside a request. */
    private static Locale requestLocale() {
        return LocaleContextHolder.getLocaleContext() != null ? LocaleContextHolder.getLocale() : null;
    }

    public Optional<AccountSummary> find(long id) {
        return store.find(id);
    }

    /** The account with this login (a staff user name or a citizen's register number), any case. */
    public Optional<AccountSummary> findByLogin(String login) {
        return login == null ? Optional.empty() : store.findByLogin(login);
    }

    /** Staff accounts, of one agency or (null) of all. */
    public List<AccountSummary> staff(String agencyCode) {
        return store.staff(agencyCode);
    }
}
