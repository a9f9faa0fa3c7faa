package mn.zasag.pki;

import java.util.Arrays;

/** PAdES baseline levels (ETSI EN 319 142-1) the platform signs at. */
public enum PadesLevel {
    /** The signature alone: CAdES detached, signing-certificate-v2, time in the M entry. */
    B_B("B-B"),
    /** B-B plus a signature time-stamp from our TSA. */
    B_T("B-T"),
    /** B-T plus, in the document security store (DSS), what a verifier needs later: chains, OCSP responses, CRLs. */
    B_LT("B-LT");

    private final String label;

    PadesLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PadesLevel of(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equalsIgnoreCase(String.valueOf(label))).findFirst()
                .orElseThrow(() -> new SignatureLevelUnsupported(label));
    }
}
