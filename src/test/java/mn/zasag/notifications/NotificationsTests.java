package mn.zasag.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.notifications.internal.ChannelPreferences;
import mn.zasag.notifications.internal.Deliverer;
import mn.zasag.notifications.internal.NotificationSettings;
import mn.zasag.notifications.internal.Outbox;
import mn.zasag.notifications.internal.PreferenceChanging;
import mn.zasag.notifications.internal.TemplateStore;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class NotificationsTests {

    @Autowired
    Notifications notifications;
    @Autowired
    Deliverer deliverer;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NotificationSettings settings;
    @Autowired
    TemplateStore templates;
    @Autowired
    Outbox outbox;
    @Autowired
    ChannelPreferences preferences;
    @Autowired
    PreferenceChanging preferenceChanging;
    @Autowired
    java.time.Clock clock;

    private static CallerReference fresh() {
        return new CallerReference("tests", UUID.randomUUID().toString());
    }

    private static Map<String, String> name(String name) {
        return Map.of("name", name);
    }

    @Test
    void aSendIsRecordedOnlyIfTheCallersTransactionCommits() {
        CallerReference rolledBack = fresh();
        CallerReference committed = fresh();

        transaction.executeWithoutResult(status -> {
            notifications.send(Recipient.email("a@example.mn"), "account_registered", name("A"), Language.MN, rolledBack);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                notifications.send(Recipient.email("b@example.mn"), "account_registered", name("B"), Language.MN, committed));

        assertThat(count(rolledBack)).isZero();
        assertThat(count(committed)).isEqualTo(1);
    }

    @Test
    void sendingTheSameCallerReferenceTwiceRecordsOneMessagePerChannel() {
        CallerReference reference = fresh();
        Recipient both = new Recipient("twice@example.mn", "8811-2233");

        List<NotificationId> first = notifications.send(both, "account_registered", name("Болд"), Language.MN, reference);
        List<NotificationId> second = notifications.send(both, "account_registered", name("Болд"), Language.MN, reference);

        assertThat(first).hasSize(2);
        assertThat(second).isEqualTo(first);
        assertThat(count(reference)).isEqualTo(2);
    }

    @Test
    void aMissingPlaceholderIsRefusedAndNothingIsRecorded() {
        CallerReference reference = fresh();

        assertThatThrownBy(() -> notifications.send(Recipient.email("c@example.mn"), "password_changed", name("C"),
                Language.EN, reference))
                .isInstanceOf(PlaceholderMissing.class)
                .hasFieldOrPropertyWithValue("code", "notification_placeholder_missing")
                .hasFieldOrPropertyWithValue("placeholder", "time");
        assertThat(count(reference)).isZero();
    }

    @Test
    void anUnknownTemplateIsRefused() {
        assertThatThrownBy(() -> notifications.send(Recipient.email("d@example.mn"), "no_such_kind", Map.of(),
                Language.MN, fresh()))
                .isInstanceOf(TemplateNotFound.class)
                .hasFieldOrPropertyWithValue("code", "notification_template_not_found");
    }

    @Test
    void mongolianMobileNumbersAreStoredInE164AndOthersAreRefused() {
        CallerReference reference = fresh();
        notifications.send(Recipient.mobile("9911 2233"), "account_registered", name("Сараа"), Language.MN, reference);

        var row = jdbc.sql("select recipient, sms_encoding, sms_parts, body from notifications.notification where caller_reference = :ref")
                .param("ref", reference.reference()).query().singleRow();
        assertThat(row.get("recipient")).isEqualTo("+97699112233");
        assertThat(row.get("sms_encoding")).isEqualTo("UCS2");
        assertThat(row.get("sms_parts")).isEqualTo(1);
        assertThat((String) row.get("body")).contains("Сараа").doesNotContain("{");

        for (String bad : List.of("12345678", "9911223", "+1 555 0100", "99112233445")) {
            assertThatThrownBy(() -> notifications.send(Recipient.mobile(bad), "account_registered", name("X"),
                    Language.MN, fresh()))
                    .as(bad).isInstanceOf(RecipientInvalid.class)
                    .hasFieldOrPropertyWithValue("code", "notification_mobile_invalid");
        }
    }

    @Test
    void invalidEmailsAndEmptyRecipientsAreRefused() {
        assertThatThrownBy(() -> notifications.send(Recipient.email("not an address"), "account_registered",
                name("X"), Language.MN, fresh()))
                .hasFieldOrPropertyWithValue("code", "notification_email_invalid");
        assertThatThrownBy(() -> notifications.send(new Recipient(" ", null), "account_registered",
                name("X"), Language.MN, fresh()))
                .hasFieldOrPropertyWithValue("code", "notification_recipient_missing");
    }

    @Test
    void withNoGatewayConfiguredMessagesAreKeptAndCounted() {
        double keptBefore = kept("email");
        CallerReference reference = fresh();
        List<NotificationId> ids = notifications.send(new Recipient("kept@example.mn", "95001122"),
                "account_registered", name("Дорж"), Language.EN, reference);

        drain();

        assertThat(ids).allSatisfy(id -> assertThat(notifications.status(id)).isEqualTo(NotificationStatus.KEPT));
        assertThat(kept("email")).isGreaterThan(keptBefore);
    }

    @Test
    void aCitizenWhoRegistersIsWelcomedBySmsAndEmailInTheirLanguage() {
        String rn = Fixtures.freshRegisterNumber();
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Номин",
                "+97688112233", "nomin@example.mn", Fixtures.PASSWORD));

        var rows = jdbc.sql("""
                        select channel, recipient, subject, body from notifications.notification
                        where caller = 'identity' and caller_reference = :ref order by channel""")
                .param("ref", "account-" + id + "-registered").query().listOfRows();

        assertThat(rows).extracting(r -> r.get("channel")).containsExactly("EMAIL", "SMS");
        assertThat(rows.get(0).get("recipient")).isEqualTo("nomin@example.mn");
        assertThat((String) rows.get(0).get("subject")).isEqualTo("Засаг: бүртгэл үүслээ");
        assertThat((String) rows.get(0).get("body")).contains("Сайн байна уу, Номин.");
        assertThat(rows.get(1).get("recipient")).isEqualTo("+97688112233");
        assertThat((String) rows.get(1).get("body")).contains("Номин");
    }

    @Test
    void aPasswordChangeWarnsTheAccountsOwnerWithTheTimeOfTheChange() {
        String rn = Fixtures.freshRegisterNumber();
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Ганаа",
                "+97699334455", null, Fixtures.PASSWORD));

        accounts.changePassword(id, Fixtures.PASSWORD, "another long secret 2026");

        var row = jdbc.sql("""
                        select channel, recipient, kind, body from notifications.notification
                        where caller = 'identity' and caller_reference like :ref""")
                .param("ref", "account-" + id + "-password-%").query().singleRow();
        assertThat(row.get("kind")).isEqualTo("password_changed");
        assertThat(row.get("channel")).isEqualTo("SMS");
        assertThat(row.get("recipient")).isEqualTo("+97699334455");
        assertThat((String) row.get("body")).matches("Засаг: таны нууц үг \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}-д солигдлоо\\..*");
    }

    @Test
    void anUnusableEmailDoesNotStopARegistrationButTheSmsStillGoesOut() {
        String rn = Fixtures.freshRegisterNumber();
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Туяа",
                "+97699445566", "tuyaa@@example", Fixtures.PASSWORD));

        assertThat(jdbc.sql("select channel from notifications.notification where caller = 'identity' and caller_reference = :ref")
                .param("ref", "account-" + id + "-registered").query(String.class).list()).containsExactly("SMS");
    }

    @Test
    void aSentMessageCanOnlyMoveForwardInItsLifecycle() {
        assertThat(NotificationStatus.CREATED.canMoveTo(NotificationStatus.SENT)).isFalse();
        assertThat(NotificationStatus.SENT.canMoveTo(NotificationStatus.DELIVERED)).isTrue();
        assertThat(NotificationStatus.DELIVERED.canMoveTo(NotificationStatus.FAILED)).isFalse();
        assertThat(NotificationStatus.KEPT.canMoveTo(NotificationStatus.SENDING)).isFalse();
        assertThat(NotificationStatus.DELIVERED.predecessors()).containsExactly(NotificationStatus.SENT);
    }

    @Test
    void pastTheLimitPerRecipientAMessageIsRecordedThrottledNeverSentAndNeverDropped() {
        Notifications limited = limitedTo(3);
        String mobile = uniqueMobile();
        String other = uniqueMobile();

        List<NotificationId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.addAll(limited.send(Recipient.mobile(mobile), "account_registered", name("N" + i), Language.EN, fresh()));
        }
        NotificationId elsewhere = limited.send(Recipient.mobile(other), "account_registered", name("X"), Language.EN, fresh()).get(0);
        NotificationId email = limited.send(new Recipient("limit-" + UUID.randomUUID() + "@example.mn", null), "account_registered",
                name("E"), Language.EN, fresh()).get(0);

        // the scheduled deliverer may already have taken the first three (KEPT, SENT): what matters is they were not throttled
        assertThat(ids.subList(0, 3)).extracting(limited::status).doesNotContain(NotificationStatus.THROTTLED, NotificationStatus.FAILED);
        assertThat(ids.subList(3, 5)).extracting(limited::status).containsOnly(NotificationStatus.THROTTLED);
        assertThat(jdbc.sql("select failure_reason from notifications.notification where id = :id").param("id", ids.get(4).value())
                .query(String.class).single()).isEqualTo("recipient_limit_exceeded");
        assertThat(limited.status(elsewhere)).as("another address has its own count").isNotIn(NotificationStatus.THROTTLED, NotificationStatus.FAILED);
        assertThat(limited.status(email)).isNotIn(NotificationStatus.THROTTLED, NotificationStatus.FAILED);

        drain();
        assertThat(limited.status(ids.get(4))).as("a throttled message is never delivered").isEqualTo(NotificationStatus.THROTTLED);
        assertThat(meters.find("zasag.notifications.sent").tag("outcome", "throttled").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theWindowEndsTheThrottleAndAnOldMessageNoLongerCounts() {
        Notifications limited = limitedTo(1);
        String mobile = uniqueMobile();
        NotificationId first = limited.send(Recipient.mobile(mobile), "account_registered", name("A"), Language.EN, fresh()).get(0);
        jdbc.sql("update notifications.notification set created_at = created_at - interval '61 minutes' where id = :id")
                .param("id", first.value()).update();

        NotificationId second = limited.send(Recipient.mobile(mobile), "account_registered", name("B"), Language.EN, fresh()).get(0);

        assertThat(limited.status(second)).as("not throttled: the old message no longer counts").isNotIn(NotificationStatus.THROTTLED, NotificationStatus.FAILED);
    }

    @Test
    void aMessageToAnAccountFollowsTheChannelsItsOwnerChose() {
        String mobile = uniqueMobile();
        long account = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(Fixtures.freshRegisterNumber()), "Бат",
                "Номин", mobile, "nomin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.mn", Fixtures.PASSWORD));
        var summary = accounts.find(account).orElseThrow();

        assertThat(channels(notifications.send(Recipient.account(account), "account_registered", name("Н"), Language.MN, fresh())))
                .as("never chosen: both").containsExactlyInAnyOrder("EMAIL", "SMS");

        assertThat(preferenceChanging.choose(summary, mn.zasag.notifications.internal.ChannelPreferences.Choice.SMS)).isEmpty();
        List<NotificationId> smsOnly = notifications.send(Recipient.account(account), "account_registered", name("Н"), Language.MN, fresh());
        assertThat(channels(smsOnly)).containsExactly("SMS");
        assertThat(jdbc.sql("select recipient from notifications.notification where id = :id").param("id", smsOnly.get(0).value())
                .query(String.class).single()).isEqualTo(mobile);

        assertThat(preferenceChanging.choose(summary, mn.zasag.notifications.internal.ChannelPreferences.Choice.EMAIL)).isEmpty();
        assertThat(channels(notifications.send(Recipient.account(account, summary.email(), mobile), "account_registered",
                name("Н"), Language.MN, fresh()))).containsExactly("EMAIL");

        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'notifications.preference.changed' and object_id = :id")
                .param("id", String.valueOf(account)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aChoiceOfAChannelTheAccountHasNoAddressForIsRefusedAndAnUnknownAccountIsARefusal() {
        long account = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(Fixtures.freshRegisterNumber()), "Бат",
                "Гэрэл", uniqueMobile(), null, Fixtures.PASSWORD));

        assertThat(preferenceChanging.choose(accounts.find(account).orElseThrow(),
                mn.zasag.notifications.internal.ChannelPreferences.Choice.EMAIL)).contains("notifications.preferences.noEmail");
        assertThat(channels(notifications.send(Recipient.account(account), "account_registered", name("Г"), Language.MN, fresh())))
                .containsExactly("SMS");

        assertThatThrownBy(() -> notifications.send(Recipient.account(Long.MAX_VALUE), "account_registered", name("?"),
                Language.MN, fresh())).isInstanceOf(RecipientInvalid.class).hasMessageContaining("notification_account_unknown");
    }

    private List<String> channels(List<NotificationId> ids) {
        return ids.stream().map(id -> jdbc.sql("select channel from notifications.notification where id = :id")
                .param("id", id.value()).query(String.class).single()).toList();
    }

    private Notifications limitedTo(int limit) {
        NotificationSettings s = settings;
        NotificationSettings limited = new NotificationSettings(s.deliver(), s.retryBase(), s.retryMax(), s.maxAttempts(),
                s.lease(), s.batchSize(), limit, java.time.Duration.ofHours(1), s.smppWindow(), s.smtpConnections(), s.smtp(), s.smpp());
        return new Notifications(templates, outbox, clock, preferences, accounts, limited, meters);
    }

    private static String uniqueMobile() {
        return "+9768" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private void drain() {
        while (deliverer.deliverDue() > 0) {
            // until nothing is due
        }
    }

    private double kept(String channel) {
        var counter = meters.find("zasag.notifications.sent").tag("channel", channel).tag("outcome", "kept").counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(CallerReference reference) {
        return jdbc.sql("select count(*) from notifications.notification where caller = :c and caller_reference = :r")
                .param("c", reference.caller()).param("r", reference.reference()).query(Long.class).single();
    }
}
