package mn.zasag.feedback;

import mn.zasag.ZasagTest;
import mn.zasag.audit.StaffActor;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.DeadlineWatch;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.notifications.InboundSms;
import mn.zasag.notifications.InboundSmsHandler;
import mn.zasag.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case lifecycle: routing, officers' steps, SMS intake, deadlines and the citizen's rating. */
@ZasagTest
class FeedbackCasesTests {

    private static final AtomicLong SMS_ID = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    FeedbackCases cases;
    @Autowired
    CaseStore store;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    List<InboundSmsHandler> smsHandlers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private FeedbackCase fileWeb(String category, String phone) {
        return cases.file(new NewCase(CaseKind.COMPLAINT, category, "1110", null, null, "Иргэний үнэмлэх 3 сар болоод гараагүй, утас 99112233",
                "Сараа", phone, null, null, IntakeChannel.WEB, "mn", true, null, "test:" + phone), null);
    }

    private Actor officer(String agency) {
        String login = "fb-officer-" + SMS_ID.incrementAndGet();
        accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, "correct horse battery"));
        return StaffActor.officer(login, agency);
    }

    private InboundSmsHandler smsHandler() {
        return smsHandlers.stream().filter(h -> h.shortNumbers().contains("141111")).findFirst().orElseThrow();
    }

    private List<String> outbox(String reference, String kind) {
        return jdbc.sql("select channel || ':' || recipient from notifications.notification where caller = 'feedback' "
                        + "and caller_reference like :ref and kind = :kind order by created_at")
                .param("ref", reference + "%").param("kind", kind).query(String.class).list();
    }

    @Test
    void aCaseIsRoutedToItsCategorysAgencyWithAReadableReference() {
        FeedbackCase c = fileWeb("civil_registration", "99" + String.format("%06d", SMS_ID.incrementAndGet() % 1_000_000));

        assertThat(c.reference()).matches("11-\\d{4}-\\d{6}");
        assertThat(c.agencyCode()).isEqualTo("GASR");
        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(c.dueAt()).isEqualTo(c.receivedAt().plusDays(30));
        assertThat(store.historyOf(c.id())).extracting(HistoryEntry::event).containsExactly(CaseEvent.FILED, CaseEvent.ROUTED);
        assertThat(c.publicText()).isNotNull().doesNotContain("99112233").contains("***");
        assertThat(outbox(c.reference(), "feedback_received")).containsExactly("SMS:" + c.contactPhone());
    }

    @Test
    void theLifecycleRefusesAStepItsStatusDoesNotAllow() {
        FeedbackCase c = fileWeb("taxes", "99" + String.format("%06d", SMS_ID.incrementAndGet() % 1_000_000));
        Actor gdt = officer("GDT");

        assertThatThrownBy(() -> cases.close(c.reference(), gdt))
                .isInstanceOf(TransitionNotAllowed.class)
                .hasFieldOrPropertyWithValue("code", "feedback_transition_not_allowed");
        assertThatThrownBy(() -> cases.answer(c.reference(), "Хариу", officer("GASR")))
                .isInstanceOf(NotCaseAgency.class);
        assertThat(CaseEvent.CLOSED.allowedIn(CaseStatus.ROUTED)).isFalse();
        FeedbackCase rejected = cases.reject(c.reference(), "Хувийн маргаан: шүүхэд хандана уу", gdt);
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED_OUT_OF_SCOPE);
        assertThat(outbox(c.reference(), "feedback_rejected")).containsExactly("SMS:" + c.contactPhone());
        assertThatThrownBy(() -> cases.answer(c.reference(), "Хариу", gdt)).isInstanceOf(TransitionNotAllowed.class);
        assertThat(CaseEvent.ANSWERED.next(CaseStatus.IN_PROGRESS)).contains(CaseStatus.ANSWERED);
    }

    @Test
    void anSmsBecomesOneCaseAndItsAnswerGoesBackBySms() {
        long id = SMS_ID.incrementAndGet();
        String from = "+97688" + String.format("%06d", id % 1_000_000);
        InboundSms sms = new InboundSms(id, from, "141111", "Замын гэрэл ажиллахгүй байна", Instant.now());

        smsHandler().handle(sms);
        smsHandler().handle(sms);

        List<FeedbackCase> filed = jdbc.sql("select reference from feedback.feedback_case where source_key = :k")
                .param("k", "sms:" + id).query(String.class).list().stream().map(cases::get).toList();
        assertThat(filed).hasSize(1);
        FeedbackCase c = filed.get(0);
        assertThat(c.channel()).isEqualTo(IntakeChannel.SMS);
        assertThat(c.agencyCode()).isEqualTo("CITA");
        assertThat(outbox(c.reference(), "feedback_received")).containsExactly("SMS:" + from);

        Actor operator = officer("CITA");
        cases.reroute(c.reference(), "MRT", "Замын асуудал", operator);
        Actor mrt = officer("MRT");
        cases.assign(c.reference(), mrt);
        FeedbackCase answered = cases.answer(c.reference(), "Гэрлийг 12 сарын 1-нд засна.", mrt);

        assertThat(answered.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(outbox(c.reference(), "feedback_answered")).containsExactly("SMS:" + from);
        assertThat(store.historyOf(c.id())).extracting(HistoryEntry::event).containsExactly(
                CaseEvent.FILED, CaseEvent.ROUTED, CaseEvent.REROUTED, CaseEvent.ASSIGNED, CaseEvent.ANSWERED);
    }

    @Test
    void anEmptySmsOrAFloodFromOneNumberFilesNothing() {
        long first = SMS_ID.incrementAndGet();
        String from = "+97688" + String.format("%06d", first % 1_000_000);
        smsHandler().handle(new InboundSms(first, from, "141111", "   ", Instant.now()));
        for (int i = 0; i < 7; i++) {
            smsHandler().handle(new InboundSms(SMS_ID.incrementAndGet(), from, "141111", "Санал " + i, Instant.now()));
        }
        int filed = jdbc.sql("select count(*) from feedback.feedback_case where contact_phone = :p").param("p", from)
                .query(Integer.class).single();
        assertThat(filed).isEqualTo(5);
    }

    @Test
    void anAgencyExtendsOnceByAtMostThirtyDays() {
        FeedbackCase c = fileWeb("customs", "99" + String.format("%06d", SMS_ID.incrementAndGet() % 1_000_000));
        Actor customs = officer("CUSTOMS");
        cases.assign(c.reference(), customs);

        assertThatThrownBy(() -> cases.extend(c.reference(), 31, "Шалгалт", customs))
                .hasFieldOrPropertyWithValue("code", "feedback_extension_too_long");
        assertThatThrownBy(() -> cases.extend(c.reference(), 10, " ", customs))
                .hasFieldOrPropertyWithValue("code", "feedback_reason_required");
        FeedbackCase extended = cases.extend(c.reference(), 10, "Гаалийн шалгалт үргэлжилж байна", customs);
        assertThat(extended.dueAt()).isEqualTo(c.dueAt().plusDays(10));
        assertThat(extended.status()).isEqualTo(CaseStatus.EXTENDED);
        cases.askForInformation(c.reference(), "Ачааны дугаар?", customs);
        assertThatThrownBy(() -> cases.extend(c.reference(), 5, "Дахин", customs))
                .hasFieldOrPropertyWithValue("code", "feedback_extension_used");
    }

    @Test
    void theDeadlineWatchWarnsBeforeAndEscalatesAfterTheThirtiethDay() {
        String adminLogin = "fb-cita-head-" + SMS_ID.incrementAndGet();
        accounts.createStaff(new NewStaff(adminLogin, Role.AGENCY_ADMIN, "CITA", "Ганбат", "Оюун",
                adminLogin + "@example.mn", "correct horse battery"));
        FeedbackCase c = fileWeb("telecom_it", "99" + String.format("%06d", SMS_ID.incrementAndGet() % 1_000_000));

        new DeadlineWatch(cases, Clock.offset(clock, Duration.ofDays(20)), Duration.ofDays(5)).sweep();
        assertThat(store.historyOf(c.id())).extracting(HistoryEntry::event).doesNotContain(CaseEvent.WARNED);

        new DeadlineWatch(cases, Clock.offset(clock, Duration.ofDays(26)), Duration.ofDays(5)).sweep();
        assertThat(cases.get(c.reference()).warnedAt()).isNotNull();

        new DeadlineWatch(cases, Clock.offset(clock, Duration.ofDays(31)), Duration.ofDays(5)).sweep();
        new DeadlineWatch(cases, Clock.offset(clock, Duration.ofDays(32)), Duration.ofDays(5)).sweep();
        FeedbackCase overdue = cases.get(c.reference());
        assertThat(overdue.escalatedAt()).isNotNull();
        assertThat(overdue.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(store.historyOf(c.id())).extracting(HistoryEntry::event)
                .containsOnlyOnce(CaseEvent.WARNED, CaseEvent.ESCALATED);
        assertThat(outbox(c.reference(), "feedback_overdue")).contains("EMAIL:" + adminLogin + "@example.mn");
    }

    @Test
    void aPoorRatingOpensAnAppealThatASupervisorDecides() {
        FeedbackCase c = fileWeb("welfare", "99" + String.format("%06d", SMS_ID.incrementAndGet() % 1_000_000));
        Actor gasws = officer("GASWS");
        cases.assign(c.reference(), gasws);
        cases.answer(c.reference(), "Таны хүсэлтийг шийдвэрлэлээ.", gasws);

        assertThatThrownBy(() -> cases.rate(cases.get(c.reference()), 7, null, "citizen"))
                .hasFieldOrPropertyWithValue("code", "feedback_rating_invalid");
        FeedbackCase appealed = cases.rate(cases.get(c.reference()), 1, "Хариу ойлгомжгүй", "citizen");
        assertThat(appealed.status()).isEqualTo(CaseStatus.APPEALED);
        assertThat(appealed.rating()).isEqualTo(1);

        FeedbackCase reopened = cases.decideAppeal(c.reference(), true, "Дахин тодорхой хариулна уу", officer("GASWS"));
        assertThat(reopened.status()).isEqualTo(CaseStatus.REOPENED);
        cases.assign(c.reference(), gasws);
        assertThat(cases.answer(c.reference(), "Тэтгэмжийг 12 сард олгоно.", gasws).status()).isEqualTo(CaseStatus.ANSWERED);
    }

    @Test
    void badContentIsRefusedWithItsOwnCode() {
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", null, null, null, "  ", null,
                "99112233", null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_text_empty");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", null, null, null, "x".repeat(4001), null,
                "99112233", null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_text_too_long");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", null, null, null, "Санал", null,
                "12345", null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_phone_invalid");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", null, null, null, "Санал", null,
                null, "not-an-address", null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_email_invalid");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", null, null, null, "Санал", null,
                null, null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_contact_missing");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "weather", null, null, null, "Санал", null,
                "99112233", null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_category_unknown");
        assertThatThrownBy(() -> cases.file(new NewCase(CaseKind.OPINION, "taxes", "999999", null, null, "Санал", null,
                "99112233", null, null, IntakeChannel.WEB, "mn", false, null, null), null))
                .hasFieldOrPropertyWithValue("code", "feedback_division_unknown");
    }
}
