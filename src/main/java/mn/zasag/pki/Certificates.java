package mn.zasag.pki;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.pki.internal.Authority;
import mn.zasag.pki.internal.Bc;
import mn.zasag.pki.internal.CaHierarchy;
import mn.zasag.pki.internal.CertificateBuilder;
import mn.zasag.pki.internal.CrlPublisher;
import mn.zasag.pki.internal.CsrParser;
import mn.zasag.pki.internal.PkiSettings;
import mn.zasag.pki.internal.Profile;
import mn.zasag.shared.RegisterNumber;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues certificates from PKCS#10 requests by profile, and revokes, suspends and reinstates them. Each
 * change is one transaction with its audit entry and the re-signed CRL, so the CRL and the OCSP responder
 * tell the truth as soon as the change commits.
 */
@Service
public class Certificates {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaHierarchy hierarchy;
    private final CrlPublisher crls;
    private final PkiSettings settings;
    private final AuditTrail audit;

    Certificates(JdbcClient jdbc, Clock clock, CaHierarchy hierarchy, CrlPublisher crls, PkiSettings settings, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hierarchy = hierarchy;
        this.crls = crls;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * Signs the request with the CA of the profile. The subject and any subject alternative names are
     * taken from the request as they are: the officer who calls this vouches for them.
     *
     * @param agencyCode the requesting official's agency (it scopes who may revoke later), or null
     */
    @Transactional
    public IssuedCertificate issue(byte[] csrBody, String profileCode, String agencyCode) {
        Profile profile = profile(profileCode).orElseThrow(() -> new ProfileNotFound(profileCode));
        PKCS10CertificationRequest csr = CsrParser.parse(csrBody);
        String hex = sign(profile, csr.getSubject(), csr.getSubjectPublicKeyInfo(), requestedAltNames(csr).orElse(null),
                agencyCode, null);
        return find(hex, null).orElseThrow();
    }

    /** Signs a certificate of the profile, records it and audits it; answers its serial in hex. */
    private String sign(Profile profile, X500Name subjectName, SubjectPublicKeyInfo key, ASN1Encodable altNames,
                        String agencyCode, BigInteger replaces) {
        Authority ca = hierarchy.get(profile.ca());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.plus(profile.validityDays(), ChronoUnit.DAYS);
        if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
            notAfter = ca.certificate().getNotAfter().toInstant();
        }
        List<CertificateBuilder.Extra> extras = new ArrayList<>();
        extras.add(b -> {
            b.addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(profile.keyUsageBits()));
            if (profile.purposes().length > 0) {
                b.addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(profile.purposes()));
            }
        });
        if (altNames != null) {
            extras.add(b -> b.addExtension(Extension.subjectAlternativeName, false, altNames));
        }
        extras.add(CertificateBuilder.revocationPointers(settings, ca.code()));
        BigInteger serial = CertificateBuilder.newSerial();
        X509CertificateHolder holder = CertificateBuilder.build(ca.holder().getSubject(), ca.holder(), ca.key(),
                ca.signatureAlgorithm(), serial, subjectName, key, now, notAfter, extras);
        String subject = RFC4519Style.INSTANCE.toString(holder.getSubject());
        jdbc.sql("""
                        insert into pki.certificate (serial, ca_code, profile_code, subject_dn, certificate, not_before, not_after,
                                                     status, agency_code, issued_by, issued_at, replaces)
                        values (:serial, :ca, :profile, :subject, :der, :nb, :na, 'GOOD', :agency, :by, :at, :replaces)
                        """)
                .param("serial", new BigDecimal(serial)).param("ca", ca.code()).param("profile", profile.code())
                .param("subject", subject).param("der", encoded(holder)).param("nb", Timestamp.from(now))
                .param("na", Timestamp.from(notAfter)).param("agency", agencyCode).param("by", currentLogin())
                .param("at", Timestamp.from(now)).param("replaces", replaces == null ? null : new BigDecimal(replaces)).update();
        String hex = hex(serial);
        audit.record(AuditEvent.success("pki.certificate.issued", "certificate", hex)
                .withDetails(Map.of("ca", ca.code(), "profile", profile.code(), "subject", subject)));
        return hex;
    }

    /** A new key pair's certificate and the key, in a password-protected PKCS#12, made once and not kept. */
    public record HandOut(IssuedCertificate certificate, byte[] pkcs12) {
    }

    /** Shortest PKCS#12 password accepted: the file leaves our hands, so its password is all that guards the key. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /**
     * Generates a key pair for a person, certifies it from the {@code person_signing} profile and answers
     * the key with its chain in a PKCS#12 protected by the given password (AES-256, PBKDF2 with HMAC-SHA-256).
     * The private key exists only in this call's memory: it is never written anywhere, so the PKCS#12 can
     * be handed out exactly once, and losing it means revoking the certificate and making a new one.
     *
     * @param registerNumber the person's civil register number, put in the subject's serialNumber
     */
    @Transactional
    public HandOut handOutKeyPair(String commonName, String registerNumber, char[] password, String agencyCode) {
        if (commonName == null || commonName.isBlank() || commonName.strip().length() > 64) {
            throw new Pkcs12Rejected(Pkcs12Rejected.NAME_MISSING, "Give the person's name (at most 64 characters)");
        }
        RegisterNumber number;
        try {
            number = RegisterNumber.parse(registerNumber, clock);
        } catch (IllegalArgumentException e) {
            throw new Pkcs12Rejected(Pkcs12Rejected.REGISTER_NUMBER_INVALID, "Not a valid civil register number");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new Pkcs12Rejected(Pkcs12Rejected.PASSWORD_WEAK,
                    "The PKCS#12 password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Profile profile = profile("person_signing").orElseThrow(() -> new ProfileNotFound("person_signing"));
        java.security.KeyPair keys = CertificateBuilder.personKeyPair();
        X500Name subject = new org.bouncycastle.asn1.x500.X500NameBuilder(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, commonName.strip())
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER,
                        // a register number has Cyrillic letters, which PrintableString cannot hold
                        new org.bouncycastle.asn1.DERUTF8String(number.value()))
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.C, "MN").build();
        String hex = sign(profile, subject, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), null, agencyCode, null);
        IssuedCertificate issued = find(hex, null).orElseThrow();
        byte[] pkcs12 = CertificateBuilder.pkcs12(keys.getPrivate(), issued.pem(), hierarchy.get(profile.ca()), hierarchy, password);
        audit.record(AuditEvent.success("pki.pkcs12.handed_out", "certificate", hex)
                .withDetails(Map.of("ca", profile.ca(), "profile", profile.code(), "subject", issued.subject(), "key_kept", "no")));
        return new HandOut(issued, pkcs12);
    }

    /**
     * Renews a good certificate: a new one of the same profile, subject and alternative names, for the same
     * key or, given a request, for the request's key; the old one is revoked as {@code superseded} in the
     * same transaction, and the new row names the one it replaces.
     *
     * @param csrBody a PKCS#10 request for a new key (its subject must be the old one's), or null for the same key
     */
    @Transactional
    public IssuedCertificate renew(String serial, byte[] csrBody, String limitToAgency) {
        BigInteger number = parseSerial(serial);
        var old = jdbc.sql("select profile_code, certificate, agency_code, status from pki.certificate where serial = :serial for update")
                .param("serial", new BigDecimal(number))
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4)})
                .optional()
                .filter(r -> limitToAgency == null || limitToAgency.equals(r[2]))
                .orElseThrow(() -> new CertificateNotFound(serial));
        if (!CertificateStatus.GOOD.name().equals(old[3])) {
            throw new CertificateStatusConflict(hex(number), CertificateStatus.valueOf((String) old[3]), CertificateStatus.GOOD);
        }
        Profile profile = profile((String) old[0]).orElseThrow(() -> new ProfileNotFound((String) old[0]));
        X509CertificateHolder previous;
        try {
            previous = new X509CertificateHolder((byte[]) old[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SubjectPublicKeyInfo key = previous.getSubjectPublicKeyInfo();
        boolean newKey = csrBody != null && csrBody.length > 0;
        if (newKey) {
            PKCS10CertificationRequest csr = CsrParser.parse(csrBody);
            if (!csr.getSubject().equals(previous.getSubject())) {
                throw new RenewalRejected(RenewalRejected.SUBJECT_MISMATCH,
                        "A renewal keeps the subject: the request must name " + RFC4519Style.INSTANCE.toString(previous.getSubject()));
            }
            key = csr.getSubjectPublicKeyInfo();
        }
        Extension san = previous.getExtension(Extension.subjectAlternativeName);
        String hex = sign(profile, previous.getSubject(), key, san == null ? null : san.getParsedValue(), (String) old[2], number);
        move(hex(number), CertificateStatus.REVOKED, RevocationReason.superseded, limitToAgency, "pki.certificate.revoked");
        audit.record(AuditEvent.success("pki.certificate.renewed", "certificate", hex)
                .withDetails(Map.of("replaces", hex(number), "key", newKey ? "new" : "same", "profile", profile.code())));
        return find(hex, null).orElseThrow();
    }

    /**
     * Revokes for good, with an RFC 5280 reason. A suspended certificate may be revoked; a revoked one
     * stays revoked.
     *
     * @param limitToAgency when not null, only certificates requested by this agency are found
     */
    @Transactional
    public IssuedCertificate revoke(String serial, RevocationReason reason, String limitToAgency) {
        if (!reason.endsTheCertificate()) {
            throw new RevocationReasonInvalid(reason.name());
        }
        return move(serial, CertificateStatus.REVOKED, reason, limitToAgency, "pki.certificate.revoked");
    }

    /** Suspends (certificateHold): listed as revoked until reinstated. */
    @Transactional
    public IssuedCertificate suspend(String serial, String limitToAgency) {
        return move(serial, CertificateStatus.ON_HOLD, RevocationReason.certificateHold, limitToAgency, "pki.certificate.suspended");
    }

    /** Lifts a suspension: the certificate leaves the CRL and answers good again. */
    @Transactional
    public IssuedCertificate reinstate(String serial, String limitToAgency) {
        return move(serial, CertificateStatus.GOOD, null, limitToAgency, "pki.certificate.reinstated");
    }

    private IssuedCertificate move(String serial, CertificateStatus target, RevocationReason reason, String limitToAgency,
                                   String action) {
        BigInteger number = parseSerial(serial);
        IssuedCertificate current = jdbc.sql("select * from pki.certificate where serial = :serial for update")
                .param("serial", new BigDecimal(number))
                .query(Certificates::row).optional()
                .filter(c -> limitToAgency == null || limitToAgency.equals(agencyOf(c)))
                .orElseThrow(() -> new CertificateNotFound(serial));
        if (!current.status().mayBecome(target)) {
            throw new CertificateStatusConflict(current.serial(), current.status(), target);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // a suspension turned into a revocation keeps the date the certificate stopped being trusted
        Instant revokedAt = target == CertificateStatus.GOOD ? null
                : current.status() == CertificateStatus.ON_HOLD && current.revokedAt() != null ? current.revokedAt() : now;
        jdbc.sql("update pki.certificate set status = :status, revocation_reason = :reason, revoked_at = :at where serial = :serial")
                .param("status", target.name()).param("reason", reason == null ? null : reason.code())
                .param("at", revokedAt == null ? null : Timestamp.from(revokedAt))
                .param("serial", new BigDecimal(number)).update();
        crls.publish(hierarchy.get(current.ca()));
        audit.record(AuditEvent.success(action, "certificate", current.serial())
                .withDetails(Map.of("ca", current.ca(), "reason", reason == null ? "-" : reason.name(), "subject", current.subject())));
        return find(current.serial(), null).orElseThrow();
    }

    public Optional<IssuedCertificate> find(String serial, String limitToAgency) {
        BigInteger number;
        try {
            number = parseSerial(serial);
        } catch (CertificateNotFound e) {
            return Optional.empty();
        }
        return jdbc.sql("select * from pki.certificate where serial = :serial").param("serial", new BigDecimal(number))
                .query(Certificates::row).optional()
                .filter(c -> limitToAgency == null || limitToAgency.equals(agencyOf(c)));
    }

    /** The status a relying party should see for a serial of a CA, empty when the CA never issued it. */
    public Optional<IssuedCertificate> status(String caCode, BigInteger serial) {
        return jdbc.sql("select * from pki.certificate where serial = :serial and ca_code = :ca")
                .param("serial", new BigDecimal(serial)).param("ca", caCode)
                .query(Certificates::row).optional();
    }

    public List<String> profiles() {
        return jdbc.sql("select code from pki.profile where issuable order by code").query(String.class).list();
    }

    private String agencyOf(IssuedCertificate c) {
        return jdbc.sql("select agency_code from pki.certificate where serial = :serial")
                .param("serial", new BigDecimal(c.serialNumber())).query(String.class).optional().orElse(null);
    }

    private Optional<Profile> profile(String code) {
        return jdbc.sql("select code, ca_code, key_usage, extended_key_usage, validity_days from pki.profile where code = :code and issuable")
                .param("code", code == null ? "" : code)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    private static Optional<ASN1Encodable> requestedAltNames(PKCS10CertificationRequest csr) {
        for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions requested = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            Extension san = requested.getExtension(Extension.subjectAlternativeName);
            if (san != null) {
                return Optional.of(san.getParsedValue());
            }
        }
        return Optional.empty();
    }

    private static BigInteger parseSerial(String serial) {
        try {
            BigInteger number = new BigInteger(serial, 16);
            if (number.signum() <= 0 || number.bitLength() > 127) {
                throw new CertificateNotFound(serial);
            }
            return number;
        } catch (NumberFormatException | NullPointerException e) {
            throw new CertificateNotFound(String.valueOf(serial));
        }
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase();
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IssuedCertificate row(ResultSet rs, int n) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        Integer reason = (Integer) rs.getObject("revocation_reason");
        String pem;
        try {
            pem = Bc.pem(new X509CertificateHolder(rs.getBytes("certificate")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IssuedCertificate(hex(rs.getBigDecimal("serial").toBigIntegerExact()), rs.getString("ca_code"),
                rs.getString("profile_code"), rs.getString("subject_dn"), rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(), CertificateStatus.valueOf(rs.getString("status")),
                reason == null ? null : RevocationReason.ofCode(reason).orElse(null),
                revokedAt == null ? null : revokedAt.toInstant(), pem);
    }

    private static String currentLogin() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
