package mn.zasag.pki;

import java.util.Arrays;
import java.util.Optional;

/** The reasons of RFC 5280, section 5.3.1, with their codes; {@code certificateHold} is a suspension. */
public enum RevocationReason {
    unspecified(0), keyCompromise(1), cACompromise(2), affiliationChanged(3), superseded(4),
    cessationOfOperation(5), certificateHold(6), removeFromCRL(8), privilegeWithdrawn(9), aACompromise(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RevocationReason> ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    /** Reasons a revocation (not a suspension) may give: hold and removal from the CRL are their own operations. */
    public boolean endsTheCertificate() {
        return this != certificateHold && this != removeFromCRL;
    }
}
