package mn.zasag.audit;

/**
 * What a walk along the hash chain found. When the chain is broken, {@code brokenEntryId} is the first
 * entry that does not fit and {@code defect} says how; {@code lastIntactEntryId} is the last entry
 * before it that still did.
 *
 * @param ok                whether every entry and the chain's head fit together
 * @param entriesChecked    entries read, the broken one included
 * @param brokenEntryId     the first entry that does not fit (for a head mismatch found after the last
 *                          entry: the entry the head names, which is missing), or null when ok or when
 *                          the head names no entry at all
 * @param defect            what is wrong with it, or null when ok
 * @param lastIntactEntryId the last entry found intact, or null if there is none
 */
public record ChainVerification(boolean ok, long entriesChecked, Long brokenEntryId, Defect defect,
                                Long lastIntactEntryId) {

    public enum Defect {
        /** The entry's stored hash is not the hash of its own fields: the entry was changed. */
        HASH_MISMATCH,
        /**
         * The entry does not name the hash of the entry before it: an entry between them was removed or
         * inserted, or its link was rewritten.
         */
        BROKEN_LINK,
        /**
         * The chain does not end where its head says: its last entries were removed, an entry was added
         * behind the application's back, or the head itself was rewritten.
         */
        HEAD_MISMATCH
    }

    static ChainVerification intact(long entriesChecked, Long lastEntryId) {
        return new ChainVerification(true, entriesChecked, null, null, lastEntryId);
    }

    static ChainVerification broken(long entriesChecked, Long brokenEntryId, Defect defect, Long lastIntactEntryId) {
        return new ChainVerification(false, entriesChecked, brokenEntryId, defect, lastIntactEntryId);
    }
}
