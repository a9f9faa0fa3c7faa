package mn.zasag.audit;

import mn.zasag.audit.ChainVerification.Defect;
import mn.zasag.audit.internal.AuditEntryRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verify command: walks the whole chain from its first entry, recomputing every hash and checking
 * every link and the head. Entries are read in batches by id, so a chain of millions of entries needs
 * the memory of one batch.
 *
 * <p>The walk reads one snapshot (repeatable read), so entries appended meanwhile neither break it nor
 * go unchecked next time; each run is itself recorded as {@code audit.chain.verified}.
 */
@Service
public class AuditVerification {

    static final int BATCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final AuditTrail audit;
    private final int batchSize;

    @Autowired
    AuditVerification(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit) {
        this(jdbc, transactions, audit, BATCH_SIZE);
    }

    /** Smaller batches let tests cross batch boundaries with a handful of entries. */
    AuditVerification(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit, int batchSize) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.audit = audit;
        this.batchSize = batchSize;
    }

    /** Walks the chain and records that it did, with what it found. */
    public ChainVerification verify() {
        ChainVerification result = snapshot.execute(status -> walk());
        Map<String, String> details = new HashMap<>();
        details.put("entries_checked", String.valueOf(result.entriesChecked()));
        if (!result.ok()) {
            details.put("defect", result.defect().name());
            details.put("broken_entry_id", String.valueOf(result.brokenEntryId()));
        }
        audit.record((result.ok() ? AuditEvent.success("audit.chain.verified", "audit_chain", null)
                : AuditEvent.failure("audit.chain.verified", "audit_chain", null)).withDetails(details));
        return result;
    }

    private ChainVerification walk() {
        Head head = jdbc.sql("select last_id, last_hash from audit.chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getObject("last_id", Long.class), rs.getString("last_hash")))
                .single();
        String expectedPrevious = AuditChain.GENESIS;
        Long lastIntact = null;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("select " + AuditEntryRows.COLUMNS
                            + " from audit.entry where id > :after order by id limit :limit")
                    .param("after", after).param("limit", batchSize)
                    .query(AuditEntryRows.MAPPER).list();
            for (AuditEntry entry : batch) {
                checked++;
                Defect defect = defectOf(entry, expectedPrevious, head);
                if (defect != null) {
                    return ChainVerification.broken(checked, entry.id(), defect, lastIntact);
                }
                expectedPrevious = entry.hash();
                lastIntact = entry.id();
            }
            if (batch.size() < batchSize) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
        }
        if (!Objects.equals(head.lastId(), lastIntact) || !head.lastHash().equals(expectedPrevious)) {
            // the chain stopped short of the entry the head names (or the head was rewritten)
            return ChainVerification.broken(checked, head.lastId(), Defect.HEAD_MISMATCH, lastIntact);
        }
        return ChainVerification.intact(checked, lastIntact);
    }

    private static Defect defectOf(AuditEntry entry, String expectedPrevious, Head head) {
        if (!entry.previousHash().equals(expectedPrevious)) {
            return Defect.BROKEN_LINK;
        }
        if (!AuditChain.hash(entry.previousHash(), entry).equals(entry.hash())) {
            return Defect.HASH_MISMATCH;
        }
        // the head is the only witness for the newest entries: one beyond it, or a last one rewritten with
        // a fresh hash, shows up only here
        if (head.lastId() == null || entry.id() > head.lastId()
                || entry.id() == head.lastId() && !entry.hash().equals(head.lastHash())) {
            return Defect.HEAD_MISMATCH;
        }
        return null;
    }

    private record Head(Long lastId, String lastHash) {
    }
}
