package mn.zasag.pki;

import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class CertificateIssuanceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    String admin;

    @BeforeEach
    void platformAdmin() {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
    }

    private JsonNode issue(String token, String profile, String pem) throws Exception {
        String body = mvc.perform(post("/api/v1/pki/certificates").param("profile", profile).header("Authorization", token)
                        .contentType("application/pkcs10").content(pem))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void aTlsServerCertificateCarriesTheProfilesUsagesTheRequestedNameAndWhereToCheckItsStatus() throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=portal.example.gov.mn,O=Test,C=MN", "portal.example.gov.mn"));

        JsonNode issued = issue(admin, "tls_server", pem);

        assertThat(issued.get("status").asString()).isEqualTo("GOOD");
        assertThat(issued.get("ca").asString()).isEqualTo("agencies");
        X509CertificateHolder cert = PkiFixtures.certificate(issued.get("pem").asString());
        X509CertificateHolder ca = PkiFixtures.certificate(mvc.perform(get("/pki/ca/agencies.pem"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca))).isTrue();
        assertThat(cert.getIssuer()).isEqualTo(ca.getSubject());
        assertThat(cert.getSerialNumber()).isEqualTo(new BigInteger(issued.get("serial").asString(), 16));
        assertThat(KeyUsage.fromExtensions(cert.getExtensions()).hasUsages(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)).isTrue();
        assertThat(ExtendedKeyUsage.fromExtensions(cert.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)).isTrue();
        assertThat(org.bouncycastle.asn1.x509.GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName).getNames())
                .containsExactly(new GeneralName(GeneralName.dNSName, "portal.example.gov.mn"));
        GeneralName crl = CRLDistPoint.getInstance(cert.getExtension(Extension.cRLDistributionPoints).getParsedValue())
                .getDistributionPoints()[0].getDistributionPoint().getName().toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence seq
                ? GeneralName.getInstance(seq.getObjectAt(0)) : null;
        assertThat(crl).isNotNull();
        assertThat(crl.getName().toString()).isEqualTo("http://localhost:8080/pki/crl/agencies.crl");
        assertThat(java.util.Arrays.stream(org.bouncycastle.asn1.x509.AuthorityInformationAccess.fromExtensions(cert.getExtensions())
                .getAccessDescriptions()).map(d -> d.getAccessLocation().getName().toString()))
                .containsExactly("http://localhost:8080/pki/ocsp", "http://localhost:8080/pki/ca/agencies.pem");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'pki.certificate.issued' and object_id = :s")
                .param("s", issued.get("serial").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPersonsCertificateComesFromThePersonsCa() throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.rsaKeys(2048), "CN=Бат Дорж,SERIALNUMBER=УБ90052114,C=MN", null));

        JsonNode issued = issue(admin, "person_signing", pem);

        assertThat(issued.get("ca").asString()).isEqualTo("persons");
        X509CertificateHolder cert = PkiFixtures.certificate(issued.get("pem").asString());
        assertThat(KeyUsage.fromExtensions(cert.getExtensions()).hasUsages(KeyUsage.nonRepudiation)).isTrue();
    }

    @Test
    void revocationSuspensionAndReinstatementFollowTheLifecycleAndReachTheCrl() throws Exception {
        JsonNode issued = issue(admin, "tls_client", PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=client,O=Test,C=MN", null)));
        String serial = issued.get("serial").asString();
        BigInteger number = new BigInteger(serial, 16);

        mvc.perform(post("/api/v1/pki/certificates/{s}/suspend", serial).header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ON_HOLD"))
                .andExpect(jsonPath("$.revocationReason").value("certificateHold"));
        assertThat(crlEntryReason(number)).isEqualTo(6);

        mvc.perform(post("/api/v1/pki/certificates/{s}/unsuspend", serial).header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GOOD"));
        assertThat(crlEntryReason(number)).isNull();

        mvc.perform(post("/api/v1/pki/certificates/{s}/revoke", serial).header("Authorization", admin)
                        .contentType("application/json").content("{\"reason\":\"keyCompromise\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocationReason").value("keyCompromise"));
        assertThat(crlEntryReason(number)).isEqualTo(1);

        mvc.perform(post("/api/v1/pki/certificates/{s}/unsuspend", serial).header("Authorization", admin))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("certificate_status_conflict"));
        for (String action : new String[]{"pki.certificate.suspended", "pki.certificate.reinstated", "pki.certificate.revoked"}) {
            assertThat(jdbc.sql("select count(*) from audit.entry where action = :a and object_id = :s")
                    .param("a", action).param("s", serial).query(Long.class).single()).as(action).isEqualTo(1);
        }
    }

    @Test
    void aRevocationMustGiveAReasonOfRfc5280ThatEndsTheCertificate() throws Exception {
        String serial = issue(admin, "tls_client", PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=c2,C=MN", null)))
                .get("serial").asString();
        for (String reason : new String[]{"certificateHold", "removeFromCRL", "because"}) {
            mvc.perform(post("/api/v1/pki/certificates/{s}/revoke", serial).header("Authorization", admin)
                            .contentType("application/json").content("{\"reason\":\"" + reason + "\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("revocation_reason_invalid"));
        }
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() throws Exception {
        String weak = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.rsaKeys(1024), "CN=weak,C=MN", null));
        String forged = PkiFixtures.pem(PkiFixtures.forgedCsr());
        String good = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=ok,C=MN", null));
        String brokenPem = "-----BEGIN CERTIFICATE REQUEST-----\nnot base64 at all!\n-----END CERTIFICATE REQUEST-----\n";
        String[][] cases = {
                {brokenPem, "tls_client", "csr_malformed"},
                {"\u0030\u0082garbage", "tls_client", "csr_malformed"},
                {"", "tls_client", "csr_malformed"},
                {weak, "tls_client", "csr_key_too_weak"},
                {forged, "tls_client", "csr_signature_invalid"},
                {good, "no_such_profile", "certificate_profile_not_found"}};
        for (String[] c : cases) {
            mvc.perform(post("/api/v1/pki/certificates").param("profile", c[1]).header("Authorization", admin)
                            .contentType("application/pkcs10").content(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.code").value(c[2]));
        }
    }

    @Test
    void citizensAndOfficersMayNotIssueAndAgencyAdminsOnlyRevokeTheirAgencysCertificates() throws Exception {
        String csr = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=scoped,C=MN", null));
        String agency = Fixtures.freshAgency(agencies);
        String officer = PkiFixtures.token(accounts, tokens, Role.OFFICER, agency);
        mvc.perform(post("/api/v1/pki/certificates").param("profile", "tls_client").header("Authorization", officer)
                        .contentType("application/pkcs10").content(csr))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));

        String ownAdmin = PkiFixtures.token(accounts, tokens, Role.AGENCY_ADMIN, agency);
        String otherAdmin = PkiFixtures.token(accounts, tokens, Role.AGENCY_ADMIN, Fixtures.freshAgency(agencies));
        String serial = issue(ownAdmin, "agency_seal", csr).get("serial").asString();

        mvc.perform(post("/api/v1/pki/certificates/{s}/suspend", serial).header("Authorization", otherAdmin))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("certificate_not_found"));
        mvc.perform(post("/api/v1/pki/certificates/{s}/suspend", serial).header("Authorization", ownAdmin))
                .andExpect(status().isOk());
    }

    /** The reason code of the serial's entry in the agencies CA's current CRL, or null when not listed. */
    private Integer crlEntryReason(BigInteger serial) throws Exception {
        byte[] der = mvc.perform(get("/pki/crl/{ca}.crl", caOf(serial)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pkix-crl"))
                .andReturn().getResponse().getContentAsByteArray();
        var entry = new X509CRLHolder(der).getRevokedCertificate(serial);
        if (entry == null) {
            return null;
        }
        return org.bouncycastle.asn1.x509.CRLReason.getInstance(entry.getExtension(Extension.reasonCode).getParsedValue())
                .getValue().intValue();
    }

    private String caOf(BigInteger serial) {
        return jdbc.sql("select ca_code from pki.certificate where serial = :s").param("s", new java.math.BigDecimal(serial))
                .query(String.class).single();
    }
}
