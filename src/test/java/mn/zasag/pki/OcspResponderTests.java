package mn.zasag.pki;

import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class OcspResponderTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JsonMapper json;

    String admin;
    X509CertificateHolder agenciesCa;

    @BeforeEach
    void setUp() throws Exception {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
        agenciesCa = PkiFixtures.certificate(mvc.perform(get("/pki/ca/agencies.pem")).andReturn().getResponse().getContentAsString());
    }

    private String issue() throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=ocsp-test,C=MN", null));
        return json.readTree(mvc.perform(post("/api/v1/pki/certificates").param("profile", "tls_client")
                        .header("Authorization", admin).contentType("application/pkcs10").content(pem))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("serial").asString();
    }

    private static OCSPReq request(X509CertificateHolder issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer, serial);
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
        }
        return builder.build();
    }

    private OCSPResp ask(OCSPReq request) throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/pki/ocsp")
                        .contentType("application/ocsp-request").content(request.getEncoded()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/ocsp-response")).andReturn();
        return new OCSPResp(result.getResponse().getContentAsByteArray());
    }

    @Test
    void answersGoodThenRevokedSignedByTheCasDelegatedResponderWithTheNonceEchoed() throws Exception {
        String serial = issue();
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};

        OCSPResp good = ask(request(agenciesCa, new BigInteger(serial, 16), nonce));

        assertThat(good.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) good.getResponseObject();
        X509CertificateHolder responder = basic.getCerts()[0];
        assertThat(responder.getIssuer()).isEqualTo(agenciesCa.getSubject());
        assertThat(ExtendedKeyUsage.fromExtensions(responder.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)).isTrue();
        assertThat(responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        assertThat(DEROctetString.getInstance(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue()).getOctets())
                .isEqualTo(nonce);
        assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // null is "good" in Bouncy Castle

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/pki/certificates/{s}/revoke", serial)
                        .header("Authorization", admin).contentType("application/json").content("{\"reason\":\"superseded\"}"))
                .andExpect(status().isOk());

        SingleResp revoked = ((BasicOCSPResp) ask(request(agenciesCa, new BigInteger(serial, 16), null)).getResponseObject()).getResponses()[0];
        assertThat(revoked.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) revoked.getCertStatus()).getRevocationReason()).isEqualTo(4);
    }

    @Test
    void reusesASignedAnswerOnlyWhileTheStatusIsUnchanged() throws Exception {
        String serial = issue();
        OCSPReq plain = request(agenciesCa, new BigInteger(serial, 16), null);

        byte[] first = ask(plain).getEncoded();
        byte[] again = ask(plain).getEncoded();
        // a nonce asks for a fresh signature, never a kept one
        byte[] withNonce = ask(request(agenciesCa, new BigInteger(serial, 16), new byte[]{9, 9, 9, 9, 9, 9, 9, 9})).getEncoded();

        assertThat(again).isEqualTo(first);
        assertThat(withNonce).isNotEqualTo(first);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/pki/certificates/{s}/revoke", serial)
                        .header("Authorization", admin).contentType("application/json").content("{\"reason\":\"keyCompromise\"}"))
                .andExpect(status().isOk());

        // the very next plain request, well within the reuse window, already says revoked
        SingleResp after = ((BasicOCSPResp) ask(plain).getResponseObject()).getResponses()[0];
        assertThat(after.getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Autowired
    CertificateAuthorities authorities;
    @Autowired
    Certificates certificates;

    @Test
    void theResponderAndTheTsaThemselvesAreGoodNotUnknown() throws Exception {
        // the responder's own certificate, as it hands it out in every answer
        X509CertificateHolder responder = ((BasicOCSPResp) ask(request(agenciesCa, BigInteger.valueOf(7), null)).getResponseObject()).getCerts()[0];
        SingleResp aboutResponder = ((BasicOCSPResp) ask(request(agenciesCa, responder.getSerialNumber(), null)).getResponseObject()).getResponses()[0];
        assertThat(aboutResponder.getCertStatus()).isNull(); // good

        String[] tsaChain = authorities.chainPem("tsa").split("(?<=-----END CERTIFICATE-----\\n)");
        X509CertificateHolder tsa = PkiFixtures.certificate(tsaChain[0]);
        X509CertificateHolder services = PkiFixtures.certificate(tsaChain[1]);
        SingleResp aboutTsa = ((BasicOCSPResp) ask(request(services, tsa.getSerialNumber(), null)).getResponseObject()).getResponses()[0];
        assertThat(aboutTsa.getCertStatus()).isNull();
    }

    @Test
    void theIssuingCasAreInTheRegistryUnderTheRootAndTheirProfilesCannotBeRequested() throws Exception {
        assertThat(certificates.status("root", agenciesCa.getSerialNumber()))
                .hasValueSatisfying(c -> {
                    assertThat(c.profile()).isEqualTo("issuing_ca");
                    assertThat(c.status()).isEqualTo(CertificateStatus.GOOD);
                });
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=sneaky responder,C=MN", null));
        mvc.perform(post("/api/v1/pki/certificates").param("profile", "ocsp_responder")
                        .header("Authorization", admin).contentType("application/pkcs10").content(pem))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("certificate_profile_not_found"));
        assertThat(certificates.profiles()).doesNotContain("ocsp_responder", "time_stamping", "issuing_ca").contains("tls_server");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRevocationMadeByAnotherNodeStopsTheReuseOfAKeptAnswer() throws Exception {
        String serial = issue();
        OCSPReq plain = request(agenciesCa, new BigInteger(serial, 16), null);
        byte[] first = ask(plain).getEncoded();
        assertThat(ask(plain).getEncoded()).isEqualTo(first); // kept

        // what another node's revocation leaves in the shared database: the row, and a new CRL number
        jdbc.sql("update pki.certificate set status = 'REVOKED', revocation_reason = 1, revoked_at = now() where serial = :s")
                .param("s", new java.math.BigDecimal(new BigInteger(serial, 16))).update();
        jdbc.sql("update pki.authority set crl_number = crl_number + 1 where code = 'agencies'").update();

        // this node never heard of it, yet stops serving the kept "good" once its poll sees the change
        SingleResp answer = null;
        for (int i = 0; i < 50; i++) {
            answer = ((BasicOCSPResp) ask(plain).getResponseObject()).getResponses()[0];
            if (answer.getCertStatus() != null) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void anOversizedBodyIsRefusedUnread() throws Exception {
        mvc.perform(post("/pki/ocsp").contentType("application/ocsp-request").content(new byte[70_000]))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void aSerialTheCaNeverIssuedIsUnknown() throws Exception {
        SingleResp answer = ((BasicOCSPResp) ask(request(agenciesCa, BigInteger.valueOf(424242), null)).getResponseObject()).getResponses()[0];

        assertThat(answer.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void garbageIsAMalformedRequest() throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/pki/ocsp")
                        .contentType("application/ocsp-request").content(new byte[]{0x30, 0x03, 0x02, 0x01}))
                .andExpect(status().isOk()).andReturn();

        assertThat(new OCSPResp(result.getResponse().getContentAsByteArray()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        mvc.perform(get("/pki/ocsp/!!not-base64!!")).andExpect(status().isOk())
                .andExpect(result2 -> assertThat(new OCSPResp(result2.getResponse().getContentAsByteArray()).getStatus())
                        .isEqualTo(OCSPResp.MALFORMED_REQUEST));
    }

    @Test
    void aForeignIssuerIsUnauthorized() throws Exception {
        KeyPair keys = PkiFixtures.ecKeys();
        X500Name name = new X500Name("CN=Somebody Else's CA,C=XX");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                name, keys.getPublic());
        X509CertificateHolder foreign = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));

        assertThat(ask(request(foreign, BigInteger.TEN, null)).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }

    @Test
    void getRequestsAreAnsweredWithCacheHeadersUntilNextUpdate() throws Exception {
        String serial = issue();
        String encoded = Base64.getEncoder().encodeToString(request(agenciesCa, new BigInteger(serial, 16), null).getEncoded());

        MvcResult result = mvc.perform(get("/pki/ocsp/" + encoded))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/ocsp-response"))
                .andExpect(header().exists("Expires"))
                .andExpect(header().exists("Last-Modified"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=")))
                .andReturn();

        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(result.getResponse().getContentAsByteArray()).getResponseObject();
        assertThat(basic.getResponses()[0].getCertStatus()).isNull();
        assertThat(basic.getResponses()[0].getNextUpdate()).isAfter(basic.getResponses()[0].getThisUpdate());
    }
}
