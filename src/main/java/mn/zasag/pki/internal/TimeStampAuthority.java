package mn.zasag.pki.internal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * RFC 3161 time-stamping with the {@code tsa} signer of the services CA. Accepts SHA-256, SHA-384 and
 * SHA-512 imprints; the token names its signer with ESSCertIDv2 (RFC 5816). Serial numbers come from a
 * PostgreSQL sequence, so they are unique and increasing across every node. Failures are TSP rejections
 * with a failure info, never an HTTP error.
 */
@Component
public class TimeStampAuthority {

    static final Set<ASN1ObjectIdentifier> ACCEPTED = Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512);

    private final CaHierarchy hierarchy;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ASN1ObjectIdentifier policy;

    TimeStampAuthority(CaHierarchy hierarchy, JdbcClient jdbc, Clock clock, @Value("${zasag.pki.tsa-policy}") String policy) {
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = new ASN1ObjectIdentifier(policy);
    }

    public ASN1ObjectIdentifier policy() {
        return policy;
    }

    public byte[] respond(byte[] body) {
        TimeStampResponseGenerator responses = generator();
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(body);
            } catch (Exception e) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a DER time-stamp request").getEncoded();
            }
            if (!ACCEPTED.contains(request.getMessageImprintAlgOID())) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg,
                        "hash algorithm not accepted: use SHA-256, SHA-384 or SHA-512").getEncoded();
            }
            if (request.getReqPolicy() != null && !request.getReqPolicy().equals(policy)) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.unacceptedPolicy,
                        "policy not supported: " + policy.getId()).getEncoded();
            }
            BigInteger serial = BigInteger.valueOf(jdbc.sql("select nextval('pki.tsa_serial')").query(Long.class).single());
            TimeStampResponse response = responses.generate(request, serial, Date.from(clock.instant()));
            return response.getEncoded();
        } catch (Exception e) {
            try {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.systemFailure, "time-stamp failed").getEncoded();
            } catch (Exception again) {
                throw new IllegalStateException(again);
            }
        }
    }

    /**
     * A new generator for every request: Bouncy Castle's response generator keeps the failure info of
     * earlier calls, and a content signer holds one Signature object, so neither may be shared between threads.
     */
    private TimeStampResponseGenerator generator() {
        try {
            Authority tsa = hierarchy.get("tsa");
            JcaSimpleSignerInfoGeneratorBuilder builder = new JcaSimpleSignerInfoGeneratorBuilder();
            if (!tsa.key().getClass().getName().startsWith("sun.security.pkcs11.")) {
                builder.setProvider(Bc.PROVIDER); // a key in memory; one in a PKCS#11 token signs with the token's provider
            }
            SignerInfoGenerator signer = builder.build("SHA256withECDSA", tsa.key(), tsa.certificate());
            // a SHA-256 calculator makes the generator name the signer with ESSCertIDv2, not SHA-1 ESSCertID
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, policy);
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
            return new TimeStampResponseGenerator(tokens, ACCEPTED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the time-stamp authority: " + e.getMessage(), e);
        }
    }
}
