package mn.zasag.pki;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.pki.internal.Bc;
import mn.zasag.pki.internal.SealKeys;
import mn.zasag.pki.internal.TimeStampAuthority;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

/**
 * Seals PDFs with an agency's seal as PAdES baseline signatures (ETSI EN 319 142-1): a CAdES detached
 * signature ({@code ETSI.CAdES.detached}) with the signing-certificate-v2 attribute and no signing-time
 * (the time is the signature dictionary's M entry), at B-T with a signature time-stamp from our own TSA.
 * Each seal shows as a visible block on the first page and is audited.
 */
@Service
public class DocumentSigning {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /** Room for the CMS: the chain, a time-stamp token with its signer's certificate, and headroom. */
    private static final int SIGNATURE_SIZE = 32 * 1024;
    private static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealKeys seals;
    private final Certificates certificates;
    private final TimeStampAuthority tsa;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ValidationData validationData;

    DocumentSigning(SealKeys seals, Certificates certificates, TimeStampAuthority tsa, AuditTrail audit, TransactionTemplate tx,
                    Clock clock, ValidationData validationData) {
        this.validationData = validationData;
        this.seals = seals;
        this.certificates = certificates;
        this.tsa = tsa;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Seals a PDF with the seal of {@code agencyCode} (the platform's own seal when null), made on first use.
     *
     * @return the PDF with the signature appended as an incremental update
     */
    public byte[] seal(byte[] pdf, PadesLevel level, String agencyCode) {
        if (pdf == null || pdf.length == 0) {
            throw new PdfRejected(PdfRejected.EMPTY, "The body is empty: send the PDF to seal.");
        }
        String owner = agencyCode == null ? "platform" : agencyCode;
        return tx.execute(status -> {
            Instant now = clock.instant();
            SealKeys.Seal seal = seals.sealOf(owner, subjectOf(owner),
                    csr -> certificates.issue(csr, "agency_seal", agencyCode).serial(), now);
            byte[] signed = sign(pdf, level, seal, now);
            if (level == PadesLevel.B_LT) {
                signed = validationData.addTo(signed, seal.chain());
            }
            audit.record(AuditEvent.success("pki.document.sealed", "document", Bc.sha256(signed))
                    .withDetails(Map.of("level", level.label(), "seal", owner,
                            "certificate", seal.certificate().getSerialNumber().toString(16).toUpperCase(),
                            "original_sha256", Bc.sha256(pdf))));
            return signed;
        });
    }

    /**
     * Seals any file as a detached CAdES signature (CMS SignedData without the content, ETSI EN 319 122-1
     * baseline B-B, or B-T with a signature time-stamp from our TSA) with the seal of {@code agencyCode} (the
     * platform's own seal when null). The signature carries the seal's chain, a signing-time and the
     * ESS signing-certificate-v2 attribute; {@code openssl cms -verify -binary -content <file>} checks it.
     *
     * @return the DER CMS signature (.p7s)
     */
    public byte[] sealDetached(byte[] content, boolean timeStamped, String agencyCode) {
        if (content == null || content.length == 0) {
            throw new CadesRejected(CadesRejected.CONTENT_EMPTY, "The body is empty: send the file to seal.");
        }
        String owner = agencyCode == null ? "platform" : agencyCode;
        return tx.execute(status -> {
            SealKeys.Seal seal = seals.sealOf(owner, subjectOf(owner),
                    csr -> certificates.issue(csr, "agency_seal", agencyCode).serial(), clock.instant());
            byte[] signature = cms(content, timeStamped ? PadesLevel.B_T : PadesLevel.B_B, seal, false);
            audit.record(AuditEvent.success("pki.file.sealed", "file", Bc.sha256(content))
                    .withDetails(Map.of("level", timeStamped ? "B-T" : "B-B", "format", "CAdES", "seal", owner,
                            "certificate", seal.certificate().getSerialNumber().toString(16).toUpperCase())));
            return signature;
        });
    }

    static String subjectOf(String owner) {
        String name = "platform".equals(owner) ? "Zasag Platform Seal" : "Zasag Agency Seal " + owner;
        return "CN=" + IETFUtils.valueToString(new org.bouncycastle.asn1.DERUTF8String(name)) + ",O=Zasag,C=MN";
    }

    private byte[] sign(byte[] pdf, PadesLevel level, SealKeys.Seal seal, Instant now) {
        try (PDDocument document = load(pdf)) {
            String signer = commonName(seal.certificate());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(signer);
            Calendar when = GregorianCalendar.from(now.atZone(ULAANBAATAR));
            when.setTimeZone(TimeZone.getTimeZone(ULAANBAATAR));
            signature.setSignDate(when);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 3);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                options.setVisualSignature(new ByteArrayInputStream(appearance(document, signer, SHOWN.format(now.atZone(ULAANBAATAR)))));
                options.setPage(0);
                document.addSignature(signature, options);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                byte[] content;
                try (InputStream in = external.getContent()) {
                    content = in.readAllBytes();
                }
                external.setSignature(cms(content, level, seal));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot seal the PDF: " + e.getMessage(), e);
        }
    }

    private static PDDocument load(byte[] pdf) {
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new PdfRejected(PdfRejected.ENCRYPTED, "The PDF is encrypted: send it unencrypted.");
        } catch (IOException | RuntimeException e) {
            throw new PdfRejected(PdfRejected.MALFORMED, "The body is not a readable PDF.");
        }
        if (document.isEncrypted()) {
            close(document);
            throw new PdfRejected(PdfRejected.ENCRYPTED, "The PDF is encrypted: send it unencrypted.");
        }
        if (document.getNumberOfPages() == 0) {
            close(document);
            throw new PdfRejected(PdfRejected.MALFORMED, "The PDF has no pages.");
        }
        return document;
    }

    private static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing was written; the refusal is what matters
        }
    }

    /**
     * The visible block, as a one-page template PDF that PDFBox merges into the signature field: the seal's
     * name and the time in DejaVu Sans (it has Cyrillic, for agencies' Mongolian names).
     */
    private static byte[] appearance(PDDocument target, String signer, String time) throws IOException {
        PDRectangle media = target.getPage(0).getMediaBox();
        float width = 240;
        float height = 54;
        PDRectangle rect = new PDRectangle(media.getLowerLeftX() + 36, media.getLowerLeftY() + 36, width, height);
        try (PDDocument template = new PDDocument()) {
            PDPage page = new PDPage(media);
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rect);

            PDFormXObject xobject = new PDFormXObject(new PDStream(template));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(width, height));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            PDType0Font font;
            try (InputStream ttf = DocumentSigning.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
                font = PDType0Font.load(template, ttf);
            }
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                content.setLineWidth(1);
                content.setStrokingColor(0.1f, 0.3f, 0.6f);
                content.addRect(0.5f, 0.5f, width - 1, height - 1);
                content.stroke();
                content.beginText();
                content.setNonStrokingColor(0f, 0f, 0f);
                content.setFont(font, 9);
                content.newLineAtOffset(6, height - 16);
                content.showText("Тамга / Sealed by: " + signer);
                content.newLineAtOffset(0, -14);
                content.showText("Огноо / Time: " + time);
                content.newLineAtOffset(0, -14);
                content.showText("PAdES · Zasag PKI");
                content.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            template.save(bytes);
            return bytes.toByteArray();
        }
    }

    private byte[] cms(byte[] content, PadesLevel level, SealKeys.Seal seal) {
        return cms(content, level, seal, true);
    }

    /** @param pades PAdES rules (no signing-time, no CMSAlgorithmProtection); CAdES keeps both */
    private byte[] cms(byte[] content, PadesLevel level, SealKeys.Seal seal, boolean pades) {
        try {
            X509Certificate certificate = seal.certificate();
            ContentSigner signer = Bc.signer("SHA256withECDSA", seal.key());
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
            SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2(certificateHash,
                    new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber())));
            AttributeTable extra = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(signingCertificate)));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // PAdES (EN 319 142-1, 5.2.2): the time is the M entry; a signing-time attribute shall not be present.
            // CMSAlgorithmProtection goes too: poppler's NSS check reads a stale "unknown OID" error from it and
            // reports the certificate as having an unknown issue (it reads PORT_GetError() even on success).
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
                    .setSignedAttributeGenerator(parameters -> pades
                            ? defaults.getAttributes(parameters).remove(CMSAttributes.signingTime).remove(CMSAttributes.cmsAlgorithmProtect)
                            : defaults.getAttributes(parameters))
                    .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(seal.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            if (level != PadesLevel.B_B) {
                signed = withTimeStamp(signed);
            }
            return signed.getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    /** Adds a signature time-stamp over the signature value, from our TSA in-process. */
    private CMSSignedData withTimeStamp(CMSSignedData signed) throws Exception {
        SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(signerInfo.getSignature()), new BigInteger(64, RANDOM));
        TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new IllegalStateException("the TSA refused: " + response.getStatusString());
        }
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token.getEncoded())));
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(attribute);
        signerInfo = SignerInformation.replaceUnsignedAttributes(signerInfo, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signerInfo));
    }

    static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
