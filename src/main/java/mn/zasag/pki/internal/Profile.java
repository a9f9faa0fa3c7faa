package mn.zasag.pki.internal;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import java.util.Arrays;
import java.util.Map;

/**
 * A certificate profile as stored in {@code pki.profile}: which CA issues it, the key usage and extended
 * key usage by their RFC 5280 names, and how long it is valid.
 */
public record Profile(String code, String ca, String keyUsage, String extendedKeyUsage, int validityDays) {

    private static final Map<String, Integer> USAGES = Map.of(
            "digitalSignature", KeyUsage.digitalSignature, "nonRepudiation", KeyUsage.nonRepudiation,
            "keyEncipherment", KeyUsage.keyEncipherment, "dataEncipherment", KeyUsage.dataEncipherment,
            "keyAgreement", KeyUsage.keyAgreement, "keyCertSign", KeyUsage.keyCertSign, "cRLSign", KeyUsage.cRLSign);
    private static final Map<String, KeyPurposeId> PURPOSES = Map.of(
            "serverAuth", KeyPurposeId.id_kp_serverAuth, "clientAuth", KeyPurposeId.id_kp_clientAuth,
            "emailProtection", KeyPurposeId.id_kp_emailProtection, "codeSigning", KeyPurposeId.id_kp_codeSigning,
            "documentSigning", KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")),
            "OCSPSigning", KeyPurposeId.id_kp_OCSPSigning, "timeStamping", KeyPurposeId.id_kp_timeStamping);

    public int keyUsageBits() {
        return Arrays.stream(keyUsage.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToInt(name -> {
                    Integer bit = USAGES.get(name);
                    if (bit == null) {
                        throw new IllegalStateException("profile " + code + " names an unknown key usage " + name);
                    }
                    return bit;
                }).reduce(0, (a, b) -> a | b);
    }

    public KeyPurposeId[] purposes() {
        return Arrays.stream(extendedKeyUsage.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> {
                    KeyPurposeId id = PURPOSES.get(name);
                    if (id == null) {
                        throw new IllegalStateException("profile " + code + " names an unknown extended key usage " + name);
                    }
                    return id;
                }).toArray(KeyPurposeId[]::new);
    }
}
