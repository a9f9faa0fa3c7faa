package mn.zasag.pki;

import java.util.EnumSet;
import java.util.Set;

/**
 * A certificate's lifecycle as data: each status names the statuses it may move to. A revocation is
 * final; a suspension (certificateHold) can be lifted or turned into a revocation.
 */
public enum CertificateStatus {
    GOOD, ON_HOLD, REVOKED;

    public Set<CertificateStatus> next() {
        return switch (this) {
            case GOOD -> EnumSet.of(ON_HOLD, REVOKED);
            case ON_HOLD -> EnumSet.of(GOOD, REVOKED);
            case REVOKED -> EnumSet.noneOf(CertificateStatus.class);
        };
    }

    public boolean mayBecome(CertificateStatus target) {
        return next().contains(target);
    }
}
