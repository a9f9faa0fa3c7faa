package mn.zasag.pki;

import mn.zasag.ZasagTest;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class TimeStampingTests {

    @Autowired
    MockMvc mvc;

    private TimeStampResponse send(byte[] request) throws Exception {
        return new TimeStampResponse(mvc.perform(post("/pki/tsa").contentType("application/timestamp-query").content(request))
                .andExpect(status().isOk()).andExpect(content().contentType("application/timestamp-reply"))
                .andReturn().getResponse().getContentAsByteArray());
    }

    private static TimeStampRequest request(ASN1ObjectIdentifier algorithm, String javaName, long nonce) throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] imprint = MessageDigest.getInstance(javaName).digest("a document".getBytes());
        return generator.generate(algorithm, imprint, BigInteger.valueOf(nonce));
    }

    @Test
    void sha256And384And512RequestsGetTokensSignedByTheTsaNamingItsCertificateWithEssCertIdV2() throws Exception {
        Map<ASN1ObjectIdentifier, String> algorithms = Map.of(TSPAlgorithms.SHA256, "SHA-256", TSPAlgorithms.SHA384, "SHA-384",
                TSPAlgorithms.SHA512, "SHA-512");
        for (var algorithm : algorithms.entrySet()) {
            TimeStampRequest request = request(algorithm.getKey(), algorithm.getValue(), 42);

            TimeStampResponse response = send(request.getEncoded());

            assertThat(response.getStatus()).as(algorithm.getValue()).isEqualTo(PKIStatus.GRANTED);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            X509CertificateHolder tsa = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            assertThat(ExtendedKeyUsage.fromExtensions(tsa.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)).isTrue();
            assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo("2.999.496.1");
            assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(42));
        }
    }

    @Test
    void serialNumbersAreUniqueAndIncreasing() throws Exception {
        BigInteger first = send(request(TSPAlgorithms.SHA256, "SHA-256", 1).getEncoded()).getTimeStampToken().getTimeStampInfo().getSerialNumber();
        BigInteger second = send(request(TSPAlgorithms.SHA256, "SHA-256", 2).getEncoded()).getTimeStampToken().getTimeStampInfo().getSerialNumber();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void anUnsupportedHashOrGarbageIsARejectionWithFailureInfo() throws Exception {
        TimeStampResponse sha1 = send(request(TSPAlgorithms.SHA1, "SHA-1", 3).getEncoded());
        assertThat(sha1.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(sha1.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);

        TimeStampResponse garbage = send(new byte[]{1, 2, 3});
        assertThat(garbage.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(garbage.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }
}
