package mn.zasag.pki.internal;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Signs a CA's CRL and stores it with the CA. Runs in the caller's transaction: a revocation and the CRL
 * that lists it commit together, and the row lock on the CA's CRL number puts concurrent revocations in
 * one order.
 */
@Component
public class CrlPublisher {

    /** How long a CRL is valid; it is re-signed when served after half of that. */
    public static final Duration VALIDITY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RevocationWatch watch;

    CrlPublisher(JdbcClient jdbc, Clock clock, RevocationWatch watch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.watch = watch;
    }

    public byte[] publish(Authority ca) {
        watch.changed();
        long number = jdbc.sql("update pki.authority set crl_number = crl_number + 1 where code = :code returning crl_number")
                .param("code", ca.code()).query(Long.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.holder().getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
        jdbc.sql("""
                        select serial, revoked_at, revocation_reason from pki.certificate
                         where ca_code = :code and status in ('REVOKED', 'ON_HOLD') order by serial
                        """)
                .param("code", ca.code())
                .query((rs, n) -> {
                    BigInteger serial = rs.getBigDecimal(1).toBigIntegerExact();
                    Timestamp at = rs.getTimestamp(2);
                    builder.addCRLEntry(serial, new Date(at.getTime()), rs.getInt(3));
                    return serial;
                }).list();
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.holder()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            byte[] der = builder.build(Bc.signer(ca.signatureAlgorithm(), ca.key()))
                    .getEncoded();
            jdbc.sql("update pki.authority set crl = :crl where code = :code").param("crl", der).param("code", ca.code()).update();
            return der;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the CRL of " + ca.code() + ": " + e.getMessage(), e);
        }
    }

    static BigDecimal decimal(BigInteger serial) {
        return new BigDecimal(serial);
    }
}
