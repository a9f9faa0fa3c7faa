package mn.zasag.legalentity;

import java.util.Set;

/** Where a legal entity stands. Liquidation is final. */
public enum EntityStatus {
    ACTIVE, SUSPENDED, LIQUIDATED;

    /** The statuses this one may change to. */
    public Set<EntityStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(SUSPENDED, LIQUIDATED);
            case SUSPENDED -> Set.of(ACTIVE, LIQUIDATED);
            case LIQUIDATED -> Set.of();
        };
    }
}
