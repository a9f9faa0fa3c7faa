package mn.zasag.pki;

import mn.zasag.Fixtures;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.identity.internal.AccessTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class DocumentSealingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agencies agencies;

    String admin;

    @BeforeEach
    void platformAdmin() {
        admin = PkiFixtures.token(accounts, tokens, Role.PLATFORM_ADMIN, null);
    }

    private byte[] seal(String level, byte[] pdf) throws Exception {
        return mvc.perform(post("/api/v1/pki/signatures/pades").param("level", level).header("Authorization", admin)
                        .contentType("application/pdf").content(pdf))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private record Sealed(PDSignature signature, CMSSignedData cms, SignerInformation signer) {
    }

    private static Sealed open(byte[] signed) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            PDSignature signature = document.getSignatureDictionaries().get(0);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)),
                    signature.getContents(signed));
            return new Sealed(signature, cms, cms.getSignerInfos().getSigners().iterator().next());
        }
    }

    @Test
    void aPdfSealedAtBtCarriesAVerifiableCadesSignatureAndATimeStampOverIt() throws Exception {
        byte[] signed = seal("B-T", PdfFixtures.onePage("Certificate of registration"));

        Sealed sealed = open(signed);
        assertThat(sealed.signature().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(sealed.signature().getSignDate()).isNotNull();
        X509CertificateHolder certificate = (X509CertificateHolder) sealed.cms().getCertificates()
                .getMatches(sealed.signer().getSID()).iterator().next();
        assertThat(certificate.getSubject().toString()).contains("CN=Zasag Platform Seal");
        assertThat(sealed.signer().verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
        assertThat(sealed.cms().getCertificates().getMatches(null)).as("seal, agencies CA and root").hasSize(3);

        var signedAttributes = sealed.signer().getSignedAttributes();
        assertThat(signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        SigningCertificateV2 signingCertificate = SigningCertificateV2.getInstance(
                signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        assertThat(signingCertificate.getCerts()[0].getCertHash())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        assertThat(signedAttributes.get(CMSAttributes.signingTime)).as("PAdES puts the time in M, not in the CMS").isNull();

        var stamp = sealed.signer().getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        TimeStampToken token = new TimeStampToken(new CMSSignedData(stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(sealed.signer().getSignature()));
        X509CertificateHolder tsa = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
    }

    @Test
    void aPdfSealedAtBltCarriesBothChainsGoodOcspResponsesAndTheCrlsInItsSecurityStore() throws Exception {
        byte[] signed = seal("B-LT", PdfFixtures.onePage("Licence"));

        Sealed sealed = open(signed);
        X509CertificateHolder certificate = (X509CertificateHolder) sealed.cms().getCertificates()
                .getMatches(sealed.signer().getSID()).iterator().next();
        assertThat(sealed.signer().verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
        assertThat(sealed.signer().getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        try (PDDocument document = Loader.loadPDF(signed)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss).as("DSS dictionary").isNotNull();
            List<String> subjects = new ArrayList<>();
            for (byte[] der : streams(dss, "Certs")) {
                subjects.add(new X509CertificateHolder(der).getSubject().toString());
            }
            assertThat(subjects).hasSize(5).anyMatch(s -> s.contains("Zasag Platform Seal"))
                    .anyMatch(s -> s.contains("Time-Stamping")).anyMatch(s -> s.contains("Root CA"));
            List<byte[]> ocsps = streams(dss, "OCSPs");
            assertThat(ocsps).hasSize(1);
            BasicOCSPResp sealStatus = (BasicOCSPResp) new OCSPResp(ocsps.get(0)).getResponseObject();
            assertThat(sealStatus.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(certificate.getSerialNumber());
            assertThat(sealStatus.getResponses()[0].getCertStatus()).as("good").isEqualTo(CertificateStatus.GOOD);
            List<String> crlIssuers = new ArrayList<>();
            for (byte[] der : streams(dss, "CRLs")) {
                crlIssuers.add(new X509CRLHolder(der).getIssuer().toString());
            }
            assertThat(crlIssuers).hasSize(3);
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String key) throws Exception {
        COSArray array = dss.getCOSArray(COSName.getPDFName(key));
        assertThat(array).as(key).isNotNull();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try (var in = ((COSStream) array.getObject(i)).createInputStream()) {
                contents.add(in.readAllBytes());
            }
        }
        return contents;
    }

    @Test
    void anyoneMayCheckASealedPdfAndSeesItIntactTrustedAndGood() throws Exception {
        byte[] signed = seal("B-LT", PdfFixtures.onePage("Checked"));

        mvc.perform(post("/api/v1/pki/signatures/validate").contentType("application/pdf").content(signed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].signer").value("Zasag Platform Seal"))
                .andExpect(jsonPath("$[0].level").value("B-LT"))
                .andExpect(jsonPath("$[0].intact").value(true))
                .andExpect(jsonPath("$[0].trusted").value(true))
                .andExpect(jsonPath("$[0].certificateStatus").value("GOOD"))
                .andExpect(jsonPath("$[0].timeStamp").isNotEmpty());
    }

    @Test
    void aCheckOfAModifiedPdfSaysTheSignatureIsNotIntact() throws Exception {
        byte[] signed = seal("B-T", PdfFixtures.onePage("Tampered"));
        signed[11] ^= 0x01;

        mvc.perform(post("/api/v1/pki/signatures/validate").contentType("application/pdf").content(signed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("B-T"))
                .andExpect(jsonPath("$[0].intact").value(false));
    }

    @Test
    void aCheckOfSomethingThatIsNotAPdfIsRefused() throws Exception {
        mvc.perform(post("/api/v1/pki/signatures/validate").contentType("application/pdf").content("nope".getBytes()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("pdf_malformed"));
    }

    @Test
    void thePublicCheckPageShowsTheSignerAndThatTheContentIsIntact() throws Exception {
        byte[] signed = seal("B-T", PdfFixtures.onePage("Shown"));

        mvc.perform(get("/pki/validate")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("type=\"file\"")));
        mvc.perform(multipart("/pki/validate").file(new MockMultipartFile("file", "sealed.pdf", "application/pdf", signed))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Zasag Platform Seal")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Өөрчлөгдөөгүй")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("B-T")));
    }

    @Test
    void aPdfSealedAtBbHasNoTimeStamp() throws Exception {
        Sealed sealed = open(seal("B-B", PdfFixtures.onePage("Notice")));

        assertThat(sealed.signer().getUnsignedAttributes()).isNull();
        assertThat(sealed.signature().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
    }

    @Test
    void everySealIsAudited() throws Exception {
        byte[] signed = seal("B-B", PdfFixtures.onePage("Audited"));

        String hash = mn.zasag.pki.internal.Bc.sha256(signed);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'pki.document.sealed' and object_id = :id")
                .param("id", hash).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bodiesThatAreNotSealablePdfsAreRefusedWithTheirCodes() throws Exception {
        refused("B-T", new byte[0], "pdf_empty");
        refused("B-T", "hello, this is not a PDF".getBytes(), "pdf_malformed");
        refused("B-T", PdfFixtures.encrypted(), "pdf_encrypted");
        refused("B-LTA", PdfFixtures.onePage("x"), "signature_level_unsupported");
        refused("B-T", new byte[20 * 1024 * 1024 + 1], "pdf_too_large");
    }

    private void refused(String level, byte[] body, String code) throws Exception {
        mvc.perform(post("/api/v1/pki/signatures/pades").param("level", level).header("Authorization", admin)
                        .contentType("application/pdf").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void anAgencyAdminSealsWithTheirAgencysOwnSeal() throws Exception {
        String agency = Fixtures.freshAgency(agencies);
        String agencyAdmin = PkiFixtures.token(accounts, tokens, Role.AGENCY_ADMIN, agency);

        byte[] signed = mvc.perform(post("/api/v1/pki/signatures/pades").param("level", "B-B").header("Authorization", agencyAdmin)
                        .contentType("application/pdf").content(PdfFixtures.onePage("Agency letter")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        Sealed sealed = open(signed);
        X509CertificateHolder certificate = (X509CertificateHolder) sealed.cms().getCertificates()
                .getMatches(sealed.signer().getSID()).iterator().next();
        assertThat(certificate.getSubject().toString()).contains("CN=Zasag Agency Seal " + agency);
        assertThat(jdbc.sql("select agency_code from pki.certificate where profile_code = 'agency_seal' and serial = :serial")
                .param("serial", new java.math.BigDecimal(certificate.getSerialNumber())).query(String.class).single()).isEqualTo(agency);
    }

    @Test
    void anOfficerMayNotSeal() throws Exception {
        String officer = PkiFixtures.token(accounts, tokens, Role.OFFICER, Fixtures.freshAgency(agencies));

        mvc.perform(post("/api/v1/pki/signatures/pades").header("Authorization", officer)
                        .contentType("application/pdf").content(PdfFixtures.onePage("x")))
                .andExpect(status().isForbidden());
    }
}
