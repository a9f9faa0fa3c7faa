package mn.zasag.feedback;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.audit.StaffActor;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.Housekeeping;
import mn.zasag.feedback.internal.OfficeStaffing;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Division to local office routing (feedback/local-offices.psv), officers of local offices, re-routing
 * between offices with its history and the citizen's messages, deadline extension and appeal messages,
 * and the cleaning of flood counters.
 */
@ZasagTest
class FeedbackRoutingTests {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    FeedbackCases cases;
    @Autowired
    CaseStore store;
    @Autowired
    OfficeStaffing staffing;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Housekeeping housekeeping;
    @Autowired
    mn.zasag.identity.DemoTokens tokens;

    @BeforeEach
    void agencies() {
        FeedbackFixtures.routingAgencies(agencies);
    }

    private FeedbackCase file(String category, String place, String phone) {
        return cases.file(new NewCase(CaseKind.COMPLAINT, category, place, null, null, "Гудамжинд согтуу хүмүүс шуугиж байна",
                null, phone, null, null, IntakeChannel.WEB, "mn", false, null, null), null);
    }

    private List<String> outbox(String reference, String kind) {
        return jdbc.sql("select channel || ':' || recipient from notifications.notification where caller = 'feedback' "
                        + "and caller_reference like :ref and kind = :kind order by created_at")
                .param("ref", reference + "-%").param("kind", kind).query(String.class).list();
    }

    private Actor admin(String agency) {
        return StaffActor.of(Role.AGENCY_ADMIN, Fixtures.freshLogin("fb-admin"), agency);
    }

    /** A real officer account of the agency, placed in the office (or none). */
    private String officer(String agency, String office) {
        String login = Fixtures.staff(accounts, Role.OFFICER, agency);
        if (office != null) {
            staffing.assign(login, office, admin(agency));
        }
        return login;
    }

    @Test
    void aLocalCategoryGoesToTheOfficeForItsPlaceOrTheNearestAboveAndElseToTheNationalAgency() {
        FeedbackCase khoroo = file("public_order", "111901", FeedbackFixtures.freshMobile());
        assertThat(khoroo.agencyCode()).isEqualTo("POLICE");
        assertThat(khoroo.officeCode()).as("a khoroo's case goes to its district's police").isEqualTo("POLICE-1119");
        assertThat(store.historyOf(khoroo.id())).filteredOn(h -> h.event() == CaseEvent.ROUTED)
                .extracting(HistoryEntry::officeCode).containsExactly("POLICE-1119");

        assertThat(file("welfare", "2101", FeedbackFixtures.freshMobile()).officeCode())
                .as("a soum's case goes to its aimag's office").isEqualTo("GASWS-21");
        assertThat(file("taxes", "1110", FeedbackFixtures.freshMobile()).officeCode()).isEqualTo("GDT-1110");

        FeedbackCase national = file("roads_transport", "111901", FeedbackFixtures.freshMobile());
        assertThat(national.agencyCode()).isEqualTo("MRT");
        assertThat(national.officeCode()).as("a nationally handled category").isNull();
        assertThat(file("public_order", null, FeedbackFixtures.freshMobile()).officeCode()).as("no place").isNull();
        assertThat(file("public_order", "11", FeedbackFixtures.freshMobile()).officeCode())
                .as("the capital as a whole: no office covers it, so the national police").isNull();
    }

    @Test
    void officersOfALocalOfficeSeeAndHandleOnlyItsCasesAndTheNationalLevelSeesAll() throws Exception {
        FeedbackCase sukhbaatar = file("public_order", "111905", FeedbackFixtures.freshMobile());
        FeedbackCase bayanzurkh = file("public_order", "1110", FeedbackFixtures.freshMobile());
        String local = officer("POLICE", "POLICE-1119");
        String national = officer("POLICE", null);

        Cookie localSession = WebSessions.login(mvc, local);
        mvc.perform(get("/feedback/queue").cookie(localSession).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString(sukhbaatar.reference())))
                .andExpect(content().string(not(containsString(bayanzurkh.reference()))))
                .andExpect(content().string(containsString("Sükhbaatar district police department")));
        mvc.perform(get("/feedback/queue/" + bayanzurkh.reference()).cookie(localSession)).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/queue/" + sukhbaatar.reference()).cookie(localSession).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sükhbaatar district police department")));
        assertThatThrownBy(() -> cases.assign(bayanzurkh.reference(), StaffActor.officer(local, "POLICE")))
                .isInstanceOf(NotCaseAgency.class);
        assertThat(cases.assign(sukhbaatar.reference(), StaffActor.officer(local, "POLICE")).status())
                .isEqualTo(CaseStatus.IN_PROGRESS);

        long localId = accounts.findByLogin(local).orElseThrow().id();
        tokens.grant(localId, "zsg_test_" + local);
        mvc.perform(get("/api/v1/feedback/cases").header("Authorization", "Bearer zsg_test_" + local)).andExpect(status().isOk())
                .andExpect(content().string(containsString(sukhbaatar.reference())))
                .andExpect(content().string(containsString("\"office\":\"POLICE-1119\"")))
                .andExpect(content().string(not(containsString(bayanzurkh.reference()))));

        Cookie nationalSession = WebSessions.login(mvc, national);
        mvc.perform(get("/feedback/queue").cookie(nationalSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString(sukhbaatar.reference())))
                .andExpect(content().string(containsString(bayanzurkh.reference())));
    }

    @Test
    void reRoutingToAnotherOfficeKeepsTheHistoryTellsTheCitizenAndMovesTheCaseBetweenQueues() {
        String phone = FeedbackFixtures.freshMobile();
        FeedbackCase c = file("public_order", "1119", phone);
        String wrongOffice = officer("POLICE", "POLICE-1119");
        Actor operator = StaffActor.officer(Fixtures.freshLogin("fb-operator"), "CITA");

        assertThatThrownBy(() -> cases.reroute(c.reference(), "POLICE", "GDT-1110", "буруу", operator))
                .isInstanceOf(FeedbackRefused.class).hasFieldOrPropertyWithValue("code", "feedback_office_unknown");
        assertThatThrownBy(() -> cases.reroute(c.reference(), "POLICE", "POLICE-1119", "тэнд", operator))
                .isInstanceOf(FeedbackRefused.class).hasFieldOrPropertyWithValue("code", "feedback_reroute_same");

        FeedbackCase moved = cases.reroute(c.reference(), "POLICE", "POLICE-1110", "Баянзүрх дүүрэгт болсон",
                StaffActor.officer(wrongOffice, "POLICE"));
        assertThat(moved.officeCode()).isEqualTo("POLICE-1110");
        assertThat(moved.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(store.historyOf(c.id())).extracting(HistoryEntry::event, HistoryEntry::officeCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CaseEvent.FILED, null),
                org.assertj.core.groups.Tuple.tuple(CaseEvent.ROUTED, "POLICE-1119"),
                org.assertj.core.groups.Tuple.tuple(CaseEvent.REROUTED, "POLICE-1110"));
        assertThat(store.historyOf(c.id()).get(2).note()).contains("Баянзүрх дүүрэгт болсон").contains("POLICE/POLICE-1119");
        assertThat(outbox(c.reference(), "feedback_rerouted")).containsExactly("SMS:+976" + phone);
        assertThat(jdbc.sql("select body from notifications.notification where caller_reference like :r and kind = 'feedback_rerouted'")
                .param("r", c.reference() + "-%").query(String.class).single()).contains("Баянзүрх дүүргийн цагдаагийн газар");
        assertThatThrownBy(() -> cases.assign(c.reference(), StaffActor.officer(wrongOffice, "POLICE")))
                .as("it left the first office's queue").isInstanceOf(NotCaseAgency.class);

        FeedbackCase national = cases.reroute(c.reference(), "MRT", null, "Замын асуудал", operator);
        assertThat(national.agencyCode()).isEqualTo("MRT");
        assertThat(national.officeCode()).isNull();
        assertThat(outbox(c.reference(), "feedback_rerouted")).hasSize(2);
    }

    @Test
    void theCitizenIsToldOfAnExtensionAClosingAndEachAppealStep() {
        String phone = FeedbackFixtures.freshMobile();
        FeedbackCase c = file("roads_transport", null, phone);
        Actor mrt = StaffActor.officer(officer("MRT", null), "MRT");
        cases.assign(c.reference(), mrt);
        FeedbackCase extended = cases.extend(c.reference(), 20, "Газар дээр нь шалгана", mrt);
        assertThat(outbox(c.reference(), "feedback_extended")).containsExactly("SMS:+976" + phone);
        assertThat(jdbc.sql("select body from notifications.notification where caller_reference like :r and kind = 'feedback_extended'")
                .param("r", c.reference() + "-%").query(String.class).single())
                .contains("Газар дээр нь шалгана").contains(extended.dueAt().toLocalDate().toString());

        cases.answer(c.reference(), "Замыг засна.", mrt);
        cases.rate(cases.get(c.reference()), 1, "Хариу хангалтгүй", "citizen");
        assertThat(outbox(c.reference(), "feedback_appealed")).containsExactly("SMS:+976" + phone);
        cases.decideAppeal(c.reference(), true, "Хугацааг тодорхой бичнэ үү", admin("MRT"));
        assertThat(outbox(c.reference(), "feedback_appeal_upheld")).containsExactly("SMS:+976" + phone);

        cases.answer(c.reference(), "Замыг 2027 оны 5 сард засна.", mrt);
        cases.rate(cases.get(c.reference()), 2, null, "citizen");
        cases.decideAppeal(c.reference(), false, "Хариу тодорхой болсон", admin("MRT"));
        assertThat(outbox(c.reference(), "feedback_appeal_dismissed")).containsExactly("SMS:+976" + phone);
        assertThat(outbox(c.reference(), "feedback_appealed")).hasSize(2);

        FeedbackCase other = file("customs", null, FeedbackFixtures.freshMobile());
        Actor customs = StaffActor.officer(officer("CUSTOMS", null), "CUSTOMS");
        cases.assign(other.reference(), customs);
        cases.answer(other.reference(), "Хариу", customs);
        cases.close(other.reference(), customs);
        assertThat(outbox(other.reference(), "feedback_closed")).containsExactly("SMS:" + other.contactPhone());
    }

    @Test
    void anAgencyAdminPlacesOnlyTheirOwnOfficersInTheirOwnOfficesAndItIsAudited() throws Exception {
        String login = Fixtures.staff(accounts, Role.OFFICER, "GASI");
        String foreign = Fixtures.staff(accounts, Role.OFFICER, "GDT");
        String adminLogin = Fixtures.staff(accounts, Role.AGENCY_ADMIN, "GASI");
        Cookie session = WebSessions.login(mvc, adminLogin);

        mvc.perform(get("/feedback/offices").cookie(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sükhbaatar district social insurance department")))
                .andExpect(content().string(not(containsString("tax department"))));
        mvc.perform(post("/feedback/offices").with(csrf()).cookie(session).param("login", login).param("office", "GASI-1119"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select office_code from feedback.office_staff where login = :l").param("l", login)
                .query(String.class).single()).isEqualTo("GASI-1119");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'feedback.office.assigned' and object_id = :l")
                .param("l", login).query(Integer.class).single()).isEqualTo(1);

        mvc.perform(post("/feedback/offices").with(csrf()).cookie(session).param("login", foreign).param("office", "GASI-1119"))
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("problem.feedback_officer_unknown"));
        mvc.perform(post("/feedback/offices").with(csrf()).cookie(session).param("login", login).param("office", "GDT-1119"))
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("problem.feedback_office_unknown"));
        mvc.perform(post("/feedback/offices/remove").with(csrf()).cookie(session).param("login", login))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from feedback.office_staff where login = :l").param("l", login)
                .query(Integer.class).single()).isZero();
        mvc.perform(get("/feedback/offices").cookie(WebSessions.login(mvc, login))).andExpect(status().isForbidden());
    }

    @Test
    void theCleaningJobDeletesFloodCountersOlderThanTheWindowOnly() {
        String source = "ip:test-clean-" + N.incrementAndGet() + "-" + System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        for (OffsetDateTime at : List.of(now.minusHours(2), now.minusMinutes(11), now.minusMinutes(2))) {
            jdbc.sql("insert into feedback.intake_attempt (source, at) values (:s, :at)").param("s", source).param("at", at).update();
        }

        int[] deleted = housekeeping.clean(now);

        assertThat(deleted[0]).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select at from feedback.intake_attempt where source = :s").param("s", source)
                .query(OffsetDateTime.class).list()).hasSize(1);
    }
}
