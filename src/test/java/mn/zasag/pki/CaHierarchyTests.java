package mn.zasag.pki;

import mn.zasag.ZasagTest;
import mn.zasag.pki.internal.CaHierarchy;
import mn.zasag.pki.internal.PkiSettings;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@ZasagTest
class CaHierarchyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CertificateAuthorities authorities;
    @Autowired
    CaHierarchy hierarchy;
    @Autowired
    PkiSettings settings;
    @Autowired
    JdbcClient jdbc;

    private X509CertificateHolder pem(String ca) throws Exception {
        return PkiFixtures.certificate(mvc.perform(get("/pki/ca/{ca}.pem", ca)).andExpect(status().isOk())
                .andExpect(content().contentType("application/x-pem-file")).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theFirstStartCreatesASelfSignedRootAndThreeIssuingCasUnderIt() throws Exception {
        X509CertificateHolder root = pem("root");
        assertThat(root.getSubject()).isEqualTo(root.getIssuer());
        assertThat(root.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root))).isTrue();
        assertThat(BasicConstraints.fromExtensions(root.getExtensions()).isCA()).isTrue();
        for (String code : new String[]{"agencies", "persons", "services"}) {
            X509CertificateHolder issuing = pem(code);
            assertThat(issuing.getIssuer()).isEqualTo(root.getSubject());
            assertThat(issuing.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root))).as(code).isTrue();
            BasicConstraints constraints = BasicConstraints.fromExtensions(issuing.getExtensions());
            assertThat(constraints.isCA()).isTrue();
            assertThat(constraints.getPathLenConstraint()).isZero();
        }
        assertThat(authorities.all()).extracting(CertificateAuthorities.CaCertificate::code)
                .containsExactly("root", "agencies", "persons", "services");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'pki.authority.created'").query(Long.class).single())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void keysLiveInPkcs12FilesInADirectoryOfThisDatabaseWhoseFingerprintsTheDatabaseRecords() {
        String keyDir = jdbc.sql("select key_dir from pki.installation").query(String.class).single();
        Path dir = settings.keyRoot().resolve(keyDir);
        for (var authority : hierarchy.all()) {
            assertThat(dir.resolve(authority.code() + ".p12")).exists();
        }
        assertThat(jdbc.sql("select count(*) from pki.authority where length(keystore_sha256) = 64").query(Long.class).single())
                .isEqualTo(hierarchy.all().size());
        assertThat(Files.isDirectory(settings.keyRoot())).isTrue();
    }

    @Test
    void anUnknownCaIsANotFoundProblem() throws Exception {
        mvc.perform(get("/pki/ca/nope.pem")).andExpect(status().isNotFound());
        mvc.perform(get("/pki/crl/ocsp-agencies.crl")).andExpect(status().isNotFound());
    }

    @Test
    void theTrustPageListsEveryCaWithItsFingerprintInBothLanguages() throws Exception {
        String rootFingerprint = authorities.get("root").sha256();
        mvc.perform(get("/pki").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Certificate authorities")))
                .andExpect(content().string(containsString(rootFingerprint)))
                .andExpect(content().string(containsString("/pki/crl/persons.crl")));
        mvc.perform(get("/pki").param("lang", "mn")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Гэрчилгээ олгогч байгууллагууд")));
    }
}
