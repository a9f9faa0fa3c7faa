package mn.zasag.audit.internal;

import mn.zasag.audit.AuditEntry;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditEvent.Outcome;
import mn.zasag.audit.AuditTrail;
import mn.zasag.audit.StaffActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static mn.zasag.audit.AuditFixtures.appendAt;
import static mn.zasag.audit.AuditFixtures.uniqueAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who sees which entries, and what each filter finds. Every test searches for actions only it records. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditSearchTests {

    @Autowired
    AuditSearch search;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficerSeesOnlyWhatPeopleOfTheirOwnAgencyDid() {
        String action = uniqueAction("scope");
        recordAs(StaffActor.officer("gasr.one", "GASR"), action);
        recordAs(StaffActor.officer("police.one", "POLICE"), action);
        recordAs(StaffActor.platformAdmin("platform.one"), action);

        StaffActor.officer("gasr.two", "GASR").signIn();
        AuditPage page = search.search(query(action));

        assertThat(page.entries()).extracting(AuditEntry::actorLogin).containsExactly("gasr.one");
        assertThat(page.scope()).isEqualTo(new AuditScope(false, "GASR"));
    }

    @Test
    void aPlatformAdminSeesWhatEveryoneDid() {
        String action = uniqueAction("scope");
        recordAs(StaffActor.officer("gasr.one", "GASR"), action);
        recordAs(StaffActor.officer("police.one", "POLICE"), action);
        recordAs(StaffActor.platformAdmin("platform.one"), action);

        StaffActor.platformAdmin("platform.two").signIn();
        AuditPage page = search.search(query(action));

        assertThat(page.entries()).extracting(AuditEntry::actorLogin).containsExactly("platform.one", "police.one", "gasr.one");
        assertThat(page.scope().all()).isTrue();
    }

    @Test
    void someoneWhoMayReadTheTrailButBelongsToNoAgencySeesNothing() {
        String action = uniqueAction("scope");
        recordAs(StaffActor.platformAdmin("platform.one"), action);

        StaffActor.withAuthorities("reader", null, "AUDIT_READ").signIn();
        AuditPage page = search.search(query(action));

        assertThat(page.entries()).isEmpty();
        assertThat(page.scope().seesAnything()).isFalse();
    }

    @Test
    void aCitizenCannotSearchTheTrail() {
        StaffActor.citizen("УБ90052114").signIn();

        assertThatThrownBy(() -> search.search(AuditQuery.newest())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void findsEntriesByActionPrefixActorObjectAndOutcome() {
        String action = uniqueAction("filters");
        StaffActor.officer("filter.one", "GASR").signIn();
        trail.record(AuditEvent.success(action + ".created", "account", "41"));
        trail.record(AuditEvent.failure(action + ".created", "account", "42"));
        trail.record(AuditEvent.success(action + ".revoked", "access_token", "41"));
        StaffActor.officer("filter.two", "GASR").signIn();
        trail.record(AuditEvent.success(action + ".created", "account", "41"));

        StaffActor.platformAdmin("admin").signIn();
        assertThat(search.search(query(action)).entries()).hasSize(4);
        assertThat(search.search(query(action + ".cr")).entries()).hasSize(3);
        assertThat(search.search(new AuditQuery(null, null, action, "filter.two", null, null, null, null, 50)).entries())
                .extracting(AuditEntry::actorLogin).containsExactly("filter.two");
        assertThat(search.search(new AuditQuery(null, null, action, null, "account", "41", null, null, 50)).entries())
                .extracting(AuditEntry::action, AuditEntry::objectId)
                .containsExactly(tuple(action + ".created", "41"), tuple(action + ".created", "41"));
        assertThat(search.search(new AuditQuery(null, null, action, null, null, null, Outcome.FAILURE, null, 50)).entries())
                .extracting(AuditEntry::objectId).containsExactly("42");
    }

    @Test
    void takesAPercentSignInTheActionLiterally() {
        String action = uniqueAction("literal");
        StaffActor.platformAdmin("admin").signIn();
        trail.record(AuditEvent.success(action, "test", null));

        assertThat(search.search(query("test.%")).entries()).isEmpty();
        assertThat(search.search(query("%")).entries()).isEmpty();
    }

    @Test
    void countsDaysInMongolianTime() {
        String action = uniqueAction("days");
        // 00:30 on 1 March in Ulaanbaatar is still 29 February in UTC
        appendAt(template, OffsetDateTime.of(2024, 3, 1, 0, 30, 0, 0, ZoneOffset.ofHours(8)), action, "early.bird", "GASR");
        appendAt(template, OffsetDateTime.of(2024, 3, 1, 23, 59, 59, 0, ZoneOffset.ofHours(8)), action, "night.owl", "GASR");
        appendAt(template, OffsetDateTime.of(2024, 3, 2, 0, 0, 0, 0, ZoneOffset.ofHours(8)), action, "next.day", "GASR");

        StaffActor.platformAdmin("admin").signIn();
        LocalDate march1 = LocalDate.of(2024, 3, 1);
        assertThat(search.search(between(action, march1, march1)).entries())
                .extracting(AuditEntry::actorLogin).containsExactly("night.owl", "early.bird");
        assertThat(search.search(between(action, null, LocalDate.of(2024, 2, 29))).entries()).isEmpty();
        assertThat(search.search(between(action, LocalDate.of(2024, 3, 2), null)).entries())
                .extracting(AuditEntry::actorLogin).containsExactly("next.day");
    }

    @Test
    void pagesBackFromTheNewestEntryUntilTheOldest() {
        String action = uniqueAction("pages");
        StaffActor.platformAdmin("admin").signIn();
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditEvent.success(action, "test", String.valueOf(i)));
        }

        AuditQuery twoAtATime = new AuditQuery(null, null, action, null, null, null, null, null, 2);
        AuditPage first = search.search(twoAtATime);
        AuditPage second = search.search(twoAtATime.before(first.nextBefore()));
        AuditPage third = search.search(twoAtATime.before(second.nextBefore()));

        assertThat(first.entries()).extracting(AuditEntry::objectId).containsExactly("5", "4");
        assertThat(second.entries()).extracting(AuditEntry::objectId).containsExactly("3", "2");
        assertThat(third.entries()).extracting(AuditEntry::objectId).containsExactly("1");
        assertThat(third.nextBefore()).isNull();
    }

    @Test
    void refusesAReversedDateRangeAndAnOversizedPage() {
        assertThatThrownBy(() -> new AuditQuery(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null, null, null, null, null, null, 50))
                .isInstanceOf(AuditQueryRejected.class).hasFieldOrPropertyWithValue("code", "audit_date_range_invalid");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, null, null, null, 101))
                .isInstanceOf(AuditQueryRejected.class).hasFieldOrPropertyWithValue("code", "audit_page_size_invalid");
    }

    private void recordAs(StaffActor actor, String action) {
        actor.signIn();
        trail.record(AuditEvent.success(action, "test", null));
        SecurityContextHolder.clearContext();
    }

    private static AuditQuery query(String actionPrefix) {
        return new AuditQuery(null, null, actionPrefix, null, null, null, null, null, AuditQuery.MAX_SIZE);
    }

    private static AuditQuery between(String action, LocalDate from, LocalDate to) {
        return new AuditQuery(from, to, action, null, null, null, null, null, AuditQuery.MAX_SIZE);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
