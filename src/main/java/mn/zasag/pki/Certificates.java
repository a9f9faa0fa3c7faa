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
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
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
        requestedAltNames(csr).ifPresent(san -> extras.add(b -> b.addExtension(Extension.subjectAlternativeName, false, san)));
        extras.add(CertificateBuilder.revocationPointers(settings, ca.code()));
        BigInteger serial = CertificateBuilder.newSerial();
        X509CertificateHolder holder = CertificateBuilder.build(ca.holder().getSubject(), ca.holder(), ca.key(),
                ca.signatureAlgorithm(), serial, csr.getSubject(), csr.getSubjectPublicKeyInfo(), now, notAfter, extras);
        String subject = RFC4519Style.INSTANCE.toString(holder.getSubject());
        jdbc.sql("""
                        insert into pki.certificate (serial, ca_code, profile_code, subject_dn, certificate, not_before, not_after,
                                                     status, agency_code, issued_by, issued_at)
                        values (:serial, :ca, :profile, :subject, :der, :nb, :na, 'GOOD', :agency, :by, :at)
                        """)
                .param("serial", new BigDecimal(serial)).param("ca", ca.code()).param("profile", profile.code())
                .param("subject", subject).param("der", encoded(holder)).param("nb", Timestamp.from(now))
                .param("na", Timestamp.from(notAfter)).param("agency", agencyCode).param("by", currentLogin())
                .param("at", Timestamp.from(now)).update();
        String hex = hex(serial);
        audit.record(AuditEvent.success("pki.certificate.issued", "certificate", hex)
                .withDetails(Map.of("ca", ca.code(), "profile", profile.code(), "subject", subject)));
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
