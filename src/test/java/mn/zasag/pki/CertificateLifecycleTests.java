package mn.zasag.pki;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import mn.zasag.pki.internal.PkiSettings;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Key-pair hand-out as PKCS#12, renewal, and the issuance page. */
@ZasagTest
class CertificateLifecycleTests {

    static final String P12_PASSWORD = "long enough passphrase";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PkiSettings settings;
    @Autowired
    mn.zasag.catalog.Agencies agencies;

    String admin;

    @BeforeEach
    void setUp() {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
    }

    private String handOutJson(String name, String registerNumber, String password) {
        return json.writeValueAsString(java.util.Map.of("commonName", name, "registerNumber", registerNumber, "password", password));
    }

    private long keyFiles() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(settings.keyRoot())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aPersonsKeyPairIsHandedOutOnceAsAPasswordProtectedPkcs12AndNotKept() throws Exception {
        String rn = Fixtures.freshRegisterNumber();
        long filesBefore = keyFiles();

        MvcResult result = mvc.perform(post("/api/v1/pki/certificates/pkcs12").header("Authorization", admin)
                        .contentType("application/json").content(handOutJson("Бат-Эрдэнэ Болд", rn, P12_PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(content().contentType("application/x-pkcs12"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        byte[] p12 = result.getResponse().getContentAsByteArray();
        String serial = result.getResponse().getHeader("X-Certificate-Serial");

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), P12_PASSWORD.toCharArray());
        PrivateKey key = (PrivateKey) store.getKey("signing", P12_PASSWORD.toCharArray());
        Certificate[] chain = store.getCertificateChain("signing");
        assertThat(chain).hasSize(3); // the person's, the persons CA, the root
        X509Certificate leaf = (X509Certificate) chain[0];
        assertThat(leaf.getSerialNumber().toString(16).toUpperCase()).isEqualTo(serial);
        assertThat(new X509CertificateHolder(leaf.getEncoded()).getSubject().getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER)[0]
                .getFirst().getValue().toString()).isEqualTo(rn);
        assertThat(new X509CertificateHolder(chain[1].getEncoded()).getSubject().toString()).contains("Persons CA");
        // the key is the certificate's
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[]{1, 2, 3});
        byte[] signature = signer.sign();
        signer.initVerify(leaf);
        signer.update(new byte[]{1, 2, 3});
        assertThat(signer.verify(signature)).isTrue();

        // a wrong password opens nothing
        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(p12), "wrong password!!".toCharArray()))
                .isInstanceOf(IOException.class);
        // nothing of the key was written, and the hand-out is audited
        assertThat(keyFiles()).isEqualTo(filesBefore);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'pki.pkcs12.handed_out' and object_id = :s")
                .param("s", serial).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/pki/certificates/{s}", serial).header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.profile").value("person_signing"));
    }

    @Test
    void aWeakPasswordOrABadRegisterNumberIsRefusedBeforeAnythingIsMade() throws Exception {
        mvc.perform(post("/api/v1/pki/certificates/pkcs12").header("Authorization", admin).contentType("application/json")
                        .content(handOutJson("Дорж", Fixtures.freshRegisterNumber(), "short")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("pkcs12_password_weak"));
        mvc.perform(post("/api/v1/pki/certificates/pkcs12").header("Authorization", admin).contentType("application/json")
                        .content(handOutJson("Дорж", "AB12345678", P12_PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("pkcs12_register_number_invalid"));
        mvc.perform(post("/api/v1/pki/certificates/pkcs12").header("Authorization", admin).contentType("application/json")
                        .content(handOutJson(" ", Fixtures.freshRegisterNumber(), P12_PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("pkcs12_name_missing"));
    }

    @Test
    void anOfficerCannotHandOutKeys() throws Exception {
        String citizen = PkiFixtures.token(accounts, tokens, Role.OFFICER, Fixtures.freshAgency(agencies));
        mvc.perform(post("/api/v1/pki/certificates/pkcs12").header("Authorization", citizen).contentType("application/json")
                        .content(handOutJson("Дорж", Fixtures.freshRegisterNumber(), P12_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private JsonNode issue(KeyPair keys, String subject) throws Exception {
        String pem = PkiFixtures.pem(PkiFixtures.csr(keys, subject, "renew.example.gov.mn"));
        return json.readTree(mvc.perform(post("/api/v1/pki/certificates").param("profile", "tls_server")
                        .header("Authorization", admin).contentType("application/pkcs10").content(pem))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void renewingForTheSameKeySupersedesTheOldCertificate() throws Exception {
        JsonNode old = issue(PkiFixtures.ecKeys(), "CN=renew-same.example.gov.mn,C=MN");
        String oldSerial = old.get("serial").asString();

        JsonNode renewed = json.readTree(mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", admin))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        assertThat(renewed.get("serial").asString()).isNotEqualTo(oldSerial);
        assertThat(renewed.get("subject").asString()).isEqualTo(old.get("subject").asString());
        X509CertificateHolder before = PkiFixtures.certificate(old.get("pem").asString());
        X509CertificateHolder after = PkiFixtures.certificate(renewed.get("pem").asString());
        assertThat(after.getSubjectPublicKeyInfo()).isEqualTo(before.getSubjectPublicKeyInfo());
        assertThat(after.getExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName)).isNotNull();
        mvc.perform(get("/api/v1/pki/certificates/{s}", oldSerial).header("Authorization", admin))
                .andExpect(jsonPath("$.status").value("REVOKED")).andExpect(jsonPath("$.revocationReason").value("superseded"));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'pki.certificate.renewed' and object_id = :s")
                .param("s", renewed.get("serial").asString()).query(Long.class).single()).isEqualTo(1);

        // a superseded certificate cannot be renewed again
        mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", admin))
                .andExpect(status().isConflict());
    }

    @Test
    void renewingWithANewKeyKeepsTheSubjectAndRefusesAnother() throws Exception {
        String subject = "CN=renew-new.example.gov.mn,C=MN";
        String oldSerial = issue(PkiFixtures.ecKeys(), subject).get("serial").asString();
        KeyPair fresh = PkiFixtures.ecKeys();

        mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", admin)
                        .contentType("application/pkcs10").content(PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=someone-else,C=MN", null))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("renewal_subject_mismatch"));
        mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", admin)
                        .contentType("application/pkcs10").content("-----BEGIN CERTIFICATE REQUEST-----\ngarbage\n-----END CERTIFICATE REQUEST-----\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("csr_malformed"));

        JsonNode renewed = json.readTree(mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", admin)
                        .contentType("application/pkcs10").content(PkiFixtures.pem(PkiFixtures.csr(fresh, subject, null))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(PkiFixtures.certificate(renewed.get("pem").asString()).getSubjectPublicKeyInfo().getEncoded())
                .isEqualTo(fresh.getPublic().getEncoded());
    }

    @Test
    void anotherAgencysAdminCannotRenewIt() throws Exception {
        String oldSerial = issue(PkiFixtures.ecKeys(), "CN=renew-foreign.example.gov.mn,C=MN").get("serial").asString();
        String other = PkiFixtures.token(accounts, tokens, Role.AGENCY_ADMIN, Fixtures.freshAgency(agencies));
        mvc.perform(post("/api/v1/pki/certificates/{s}/renew", oldSerial).header("Authorization", other))
                .andExpect(status().isNotFound());
    }

    @Test
    void theIssuancePageIssuesFromACsrAndHandsOutAPkcs12() throws Exception {
        Cookie session = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        mvc.perform(get("/pki/issue").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("tls_server")));

        String pem = PkiFixtures.pem(PkiFixtures.csr(PkiFixtures.ecKeys(), "CN=page.example.gov.mn,C=MN", null));
        mvc.perform(multipart("/pki/issue/csr").file(new MockMultipartFile("file", "page.csr", "application/pkcs10", pem.getBytes()))
                        .param("profile", "tls_client").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("BEGIN CERTIFICATE")));
        mvc.perform(post("/pki/issue/csr").param("pem", "not a request").param("profile", "tls_client").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("PKCS#10")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("BEGIN CERTIFICATE"))));

        mvc.perform(post("/pki/issue/pkcs12").param("commonName", "Сараа").param("registerNumber", Fixtures.freshRegisterNumber())
                        .param("password", P12_PASSWORD).param("confirmation", "something else").cookie(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/html"));
        MvcResult download = mvc.perform(post("/pki/issue/pkcs12").param("commonName", "Сараа").param("registerNumber", Fixtures.freshRegisterNumber())
                        .param("password", P12_PASSWORD).param("confirmation", P12_PASSWORD).cookie(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/x-pkcs12")).andReturn();
        KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(download.getResponse().getContentAsByteArray()), P12_PASSWORD.toCharArray());
    }

    @Test
    void aCitizenDoesNotSeeTheIssuancePage() throws Exception {
        Cookie session = WebSessions.login(mvc, Fixtures.citizen(accounts));
        mvc.perform(get("/pki/issue").cookie(session)).andExpect(status().isForbidden());
    }
}
