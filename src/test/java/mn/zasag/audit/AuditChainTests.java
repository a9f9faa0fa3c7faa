package mn.zasag.audit;

import mn.zasag.audit.ChainVerification.Defect;
import mn.zasag.audit.internal.AuditEntryRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.Map;

import static mn.zasag.audit.AuditFixtures.uniqueAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain for real: entries appended through {@link AuditTrail}, then broken the way an attacker with
 * database access would (trigger off, row changed or removed), and each break found where it is. Every
 * test puts the chain back, and the check after each test proves it did.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void signIn() {
        StaffActor.officer("chain.officer", "GASR").signIn();
    }

    @AfterEach
    void chainIsWholeAgain() {
        jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
        SecurityContextHolder.clearContext();
        assertThat(verification.verify().ok()).as("the test put the chain back").isTrue();
    }

    @Test
    void chainsEachRecordedEntryToTheOneBeforeIt() {
        String action = uniqueAction("chain");
        trail.record(AuditEvent.success(action, "account", "7").withDetails(Map.of("role", "OFFICER", "agency", "GASR")));
        trail.record(AuditEvent.failure(action, "account", "8"));

        List<AuditEntry> recorded = entries(action);
        assertThat(recorded).hasSize(2);
        AuditEntry first = recorded.get(0);
        AuditEntry second = recorded.get(1);
        assertThat(first.actorLogin()).isEqualTo("chain.officer");
        assertThat(first.actorAgency()).isEqualTo("GASR");
        assertThat(first.actorId()).isNotNull();
        assertThat(first.outcome()).isEqualTo("SUCCESS");
        assertThat(first.details()).containsExactlyInAnyOrderEntriesOf(Map.of("role", "OFFICER", "agency", "GASR"));
        assertThat(second.outcome()).isEqualTo("FAILURE");
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(AuditChain.hash(first.hash(), second));
        assertThat(jdbc.sql("select last_hash from audit.chain_head").query(String.class).single()).isEqualTo(second.hash());
    }

    @Test
    void entriesRecordedAtOnceFromManyThreadsOutsideATransactionFormOneUnbrokenChain() throws Exception {
        String action = uniqueAction("concurrent");
        int threads = 8;
        int each = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                StaffActor.officer("chain.officer", "GASR").signIn();
                start.await();
                for (int i = 0; i < each; i++) {
                    trail.record(AuditEvent.success(action, "person", thread + "-" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<AuditEntry> recorded = entries(action);
        assertThat(recorded).hasSize(threads * each);
        assertThat(recorded).extracting(AuditEntry::objectId).doesNotHaveDuplicates();
        assertThat(recorded).allSatisfy(e -> assertThat(e.actorLogin()).isEqualTo("chain.officer"));
        // each call returned only once its entry was committed; the whole chain still verifies (after each test)
        assertThat(jdbc.sql("select last_id from audit.chain_head").query(Long.class).single()).isEqualTo(lastId());
    }

    @Test
    void anEntryRecordedInATransactionCommitsOrRollsBackWithIt() {
        String action = uniqueAction("in-transaction");
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            trail.record(AuditEvent.success(action, "account", "rolled-back"));
            status.setRollbackOnly();
        });
        template.executeWithoutResult(status -> trail.record(AuditEvent.success(action, "account", "kept")));

        List<AuditEntry> recorded = entries(action);
        assertThat(recorded).extracting(AuditEntry::objectId).containsExactly("kept");
        // chained under the head's lock inside the caller's transaction
        AuditEntry kept = recorded.get(0);
        assertThat(kept.hash()).isEqualTo(AuditChain.hash(kept.previousHash(), kept));
    }

    @Test
    void findsAnIntactChainIntactAndCountsEveryEntry() {
        record("intact");
        long total = count();
        long newest = lastId();

        ChainVerification result = verification.verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(total);
        assertThat(result.brokenEntryId()).isNull();
        assertThat(result.defect()).isNull();
        assertThat(result.lastIntactEntryId()).isEqualTo(newest);
    }

    @Test
    void walksTheChainInBatchesWithoutLosingALink() {
        for (int i = 0; i < 7; i++) {
            record("batches");
        }
        long total = count();

        ChainVerification result = new AuditVerification(jdbc, transactions, trail, 2).verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(total);
    }

    @Test
    void recordsEachVerificationInTheTrail() {
        ChainVerification result = verification.verify();

        AuditEntry last = entry(lastId());
        assertThat(last.action()).isEqualTo("audit.chain.verified");
        assertThat(last.outcome()).isEqualTo("SUCCESS");
        assertThat(last.actorLogin()).isEqualTo("chain.officer");
        assertThat(last.details()).containsEntry("entries_checked", String.valueOf(result.entriesChecked()));
    }

    @Test
    void reportsAChangedEntryAsAHashMismatch() {
        long before = record("changed");
        long changed = record("changed");
        record("changed");
        try {
            tampered("update audit.entry set actor_login = 'someone.else' where id = " + changed);

            ChainVerification result = verification.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.brokenEntryId()).isEqualTo(changed);
            assertThat(result.defect()).isEqualTo(Defect.HASH_MISMATCH);
            assertThat(result.lastIntactEntryId()).isEqualTo(before);
        } finally {
            tampered("update audit.entry set actor_login = 'chain.officer' where id = " + changed);
        }
    }

    @Test
    void reportsTheEntryAfterADeletedOneAsABrokenLink() {
        long before = record("deleted");
        long deleted = record("deleted");
        long after = record("deleted");
        AuditEntry removed = entry(deleted);
        try {
            tampered("delete from audit.entry where id = " + deleted);

            for (AuditVerification verifier : List.of(verification, new AuditVerification(jdbc, transactions, trail, 2))) {
                ChainVerification result = verifier.verify();
                assertThat(result.ok()).isFalse();
                assertThat(result.brokenEntryId()).isEqualTo(after);
                assertThat(result.defect()).isEqualTo(Defect.BROKEN_LINK);
                assertThat(result.lastIntactEntryId()).isEqualTo(before);
            }
        } finally {
            putBack(removed);
        }
    }

    @Test
    void reportsAnEntryRewrittenWithAFreshHashAtTheLinkAfterIt() {
        long forged = record("rehashed");
        long next = record("rehashed");
        AuditEntry original = entry(forged);
        AuditEntry rewritten = new AuditEntry(original.id(), original.at(), original.action(), "FAILURE", original.actorId(),
                original.actorLogin(), original.actorAgency(), original.objectType(), original.objectId(), original.ip(),
                original.details(), original.previousHash(), null);
        try {
            tampered("update audit.entry set outcome = 'FAILURE', hash = '"
                    + AuditChain.hash(original.previousHash(), rewritten) + "' where id = " + forged);

            ChainVerification result = verification.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.brokenEntryId()).isEqualTo(next);
            assertThat(result.defect()).isEqualTo(Defect.BROKEN_LINK);
        } finally {
            tampered("update audit.entry set outcome = 'SUCCESS', hash = '" + original.hash() + "' where id = " + forged);
        }
    }

    @Test
    void reportsARemovedNewestEntryAsAHeadMismatch() {
        long before = record("newest");
        long newest = record("newest");
        AuditEntry removed = entry(newest);
        try {
            tampered("delete from audit.entry where id = " + newest);

            ChainVerification result = verification.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.brokenEntryId()).isEqualTo(newest);
            assertThat(result.defect()).isEqualTo(Defect.HEAD_MISMATCH);
            assertThat(result.lastIntactEntryId()).isEqualTo(before);
        } finally {
            putBack(removed);
        }
    }

    @Test
    void reportsAnEntryAddedBehindTheApplicationsBackAsAHeadMismatch() {
        long newest = record("smuggled");
        AuditEntry last = entry(newest);
        AuditEntry smuggled = new AuditEntry(0, last.at(), "identity.account.created", "SUCCESS", null, "intruder", null,
                "account", "1", null, Map.of(), last.hash(), null);
        long smuggledId = jdbc.sql("""
                        insert into audit.entry (at, action, outcome, actor_login, object_type, object_id, details, previous_hash, hash)
                        values (:at, :action, 'SUCCESS', 'intruder', 'account', '1', '{}'::jsonb, :previous, :hash) returning id
                        """)
                .param("at", smuggled.at()).param("action", smuggled.action()).param("previous", last.hash())
                .param("hash", AuditChain.hash(last.hash(), smuggled))
                .query(Long.class).single();
        try {
            ChainVerification result = verification.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.brokenEntryId()).isEqualTo(smuggledId);
            assertThat(result.defect()).isEqualTo(Defect.HEAD_MISMATCH);
            assertThat(result.lastIntactEntryId()).isEqualTo(newest);
        } finally {
            tampered("delete from audit.entry where id = " + smuggledId);
        }
    }

    @Test
    void refusesToChangeOrRemoveEntriesEvenThroughSql() {
        long id = record("refused");
        AuditEntry original = entry(id);

        assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor_login = 'x' where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (UPDATE refused)");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (DELETE refused)");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (TRUNCATE refused)");

        assertThat(entry(id)).isEqualTo(original);
    }

    private long record(String what) {
        trail.record(AuditEvent.success("test.chain." + what, "test", null));
        return lastId();
    }

    /** Does what only someone who can switch the trigger off can do. */
    private void tampered(String sql) {
        jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
        }
    }

    private void putBack(AuditEntry e) {
        jdbc.sql("""
                        insert into audit.entry (id, at, action, outcome, actor_id, actor_login, actor_agency, object_type,
                                                 object_id, ip, details, previous_hash, hash)
                        overriding system value
                        values (:id, :at, :action, :outcome, :actorId, :actorLogin, :actorAgency, :objectType, :objectId,
                                :ip, cast(:details as jsonb), :previous, :hash)
                        """)
                .param("id", e.id()).param("at", e.at()).param("action", e.action()).param("outcome", e.outcome())
                .param("actorId", e.actorId()).param("actorLogin", e.actorLogin()).param("actorAgency", e.actorAgency())
                .param("objectType", e.objectType()).param("objectId", e.objectId()).param("ip", e.ip())
                .param("details", Json.write(e.details())).param("previous", e.previousHash()).param("hash", e.hash())
                .update();
    }

    private List<AuditEntry> entries(String action) {
        return jdbc.sql("select " + AuditEntryRows.COLUMNS + " from audit.entry where action = :action order by id")
                .param("action", action).query(AuditEntryRows.MAPPER).list();
    }

    private AuditEntry entry(long id) {
        return jdbc.sql("select " + AuditEntryRows.COLUMNS + " from audit.entry where id = :id")
                .param("id", id).query(AuditEntryRows.MAPPER).single();
    }

    private long lastId() {
        return jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
    }
}
