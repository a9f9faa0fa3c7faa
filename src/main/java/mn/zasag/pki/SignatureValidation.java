package mn.zasag.pki;

import mn.zasag.pki.internal.Authority;
import mn.zasag.pki.internal.Bc;
import mn.zasag.pki.internal.CaHierarchy;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks the signatures in a PDF the way a relying party would: is the signed content intact, which level
 * does the signature reach, was its certificate issued by one of our CAs, and what is its status now.
 */
@Service
public class SignatureValidation {

    /**
     * One signature's verdict.
     *
     * @param signer             common name of the signing certificate, or null when the CMS names none
     * @param signingTime        the M entry of the signature dictionary (claimed by the signer)
     * @param timeStamp          the time of a valid signature time-stamp, or null
     * @param level              B-B, B-T or B-LT
     * @param intact             whether the signed bytes still match the signature
     * @param coversWholeDocument whether nothing was appended after the signature (a B-LT DSS update is appended)
     * @param certificateStatus  GOOD, REVOKED, ON_HOLD in our registry, or UNKNOWN for a certificate we did not issue
     * @param trusted            whether the certificate chains to our root
     */
    public record SignatureReport(String signer, Instant signingTime, Instant timeStamp, String level, boolean intact,
                                  boolean coversWholeDocument, String certificateStatus, boolean trusted) {
    }

    private final CaHierarchy hierarchy;
    private final Certificates certificates;

    SignatureValidation(CaHierarchy hierarchy, Certificates certificates) {
        this.hierarchy = hierarchy;
        this.certificates = certificates;
    }

    public List<SignatureReport> validate(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new PdfRejected(PdfRejected.EMPTY, "The body is empty: send the PDF to check.");
        }
        try (PDDocument document = load(pdf)) {
            boolean dss = document.getDocumentCatalog().getCOSObject().containsKey(COSName.getPDFName("DSS"));
            List<SignatureReport> reports = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                reports.add(check(pdf, signature, dss));
            }
            return reports;
        } catch (IOException e) {
            throw new PdfRejected(PdfRejected.MALFORMED, "The body is not a readable PDF.");
        }
    }

    private SignatureReport check(byte[] pdf, PDSignature signature, boolean dss) {
        Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && (long) range[2] + range[3] == pdf.length;
        CMSSignedData cms;
        SignerInformation signer;
        X509CertificateHolder certificate;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            certificate = matches.isEmpty() ? null : matches.iterator().next();
        } catch (Exception e) {
            return new SignatureReport(null, claimed, null, "B-B", false, whole, "UNKNOWN", false);
        }
        boolean intact = certificate != null && verifies(signer, certificate);
        Instant stamped = timeStamp(signer);
        String level = stamped == null ? "B-B" : dss ? "B-LT" : "B-T";
        Optional<Authority> issuer = certificate == null ? Optional.empty() : issuerOf(certificate);
        String status = issuer.flatMap(ca -> certificates.status(ca.code(), certificate.getSerialNumber()))
                .map(c -> c.status().name()).orElse("UNKNOWN");
        boolean trusted = issuer.isPresent();
        return new SignatureReport(certificate == null ? null : DocumentSigning.commonName(Bc.x509(certificate)), claimed, stamped,
                level, intact, whole, status, trusted);
    }

    /**
     * Checks a detached CAdES signature over a file: the same verdict as for a PDF signature, with the
     * level {@code B-B} or {@code B-T} and the claimed time from the signing-time attribute.
     */
    public SignatureReport validateDetached(byte[] content, byte[] signature) {
        if (content == null || content.length == 0) {
            throw new CadesRejected(CadesRejected.CONTENT_EMPTY, "The signed file is missing.");
        }
        CMSSignedData cms;
        SignerInformation signer;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            signer = cms.getSignerInfos().getSigners().iterator().next();
        } catch (Exception e) {
            throw new CadesRejected(CadesRejected.SIGNATURE_MALFORMED, "The signature is not a readable DER CMS signature.");
        }
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        X509CertificateHolder certificate = matches.isEmpty() ? null : matches.iterator().next();
        Instant claimed = null;
        if (signer.getSignedAttributes() != null) {
            Attribute time = signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
            if (time != null) {
                claimed = org.bouncycastle.asn1.cms.Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
            }
        }
        boolean intact = certificate != null && verifies(signer, certificate);
        Instant stamped = timeStamp(signer);
        Optional<Authority> issuer = certificate == null ? Optional.empty() : issuerOf(certificate);
        String status = issuer.flatMap(ca -> certificates.status(ca.code(), certificate.getSerialNumber()))
                .map(c -> c.status().name()).orElse("UNKNOWN");
        return new SignatureReport(certificate == null ? null : DocumentSigning.commonName(Bc.x509(certificate)), claimed, stamped,
                stamped == null ? "B-B" : "B-T", intact, true, status, issuer.isPresent());
    }

    private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(certificate));
        } catch (Exception e) {
            // a digest that no longer matches is an exception in Bouncy Castle, and a modified document to us
            return false;
        }
    }

    /** The time of a signature time-stamp whose token verifies and whose imprint is this signature's value. */
    private static Instant timeStamp(SignerInformation signer) {
        if (signer.getUnsignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            X509CertificateHolder tsa = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(tsa));
            byte[] imprint = MessageDigest.getInstance(token.getTimeStampInfo().getMessageImprintAlgOID().getId())
                    .digest(signer.getSignature());
            return Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())
                    ? token.getTimeStampInfo().getGenTime().toInstant() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The issuing CA of ours whose key signed the certificate; our issuing CAs all chain to our root. */
    private Optional<Authority> issuerOf(X509CertificateHolder certificate) {
        return hierarchy.issuingCas().stream()
                .filter(ca -> ca.holder().getSubject().equals(certificate.getIssuer()))
                .filter(ca -> {
                    try {
                        return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(ca.holder()));
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst();
    }

    private static PDDocument load(byte[] pdf) {
        try {
            PDDocument document = Loader.loadPDF(pdf);
            if (document.isEncrypted()) {
                document.close();
                throw new PdfRejected(PdfRejected.ENCRYPTED, "The PDF is encrypted: send it unencrypted.");
            }
            return document;
        } catch (InvalidPasswordException e) {
            throw new PdfRejected(PdfRejected.ENCRYPTED, "The PDF is encrypted: send it unencrypted.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PdfRejected rejected) {
                throw rejected;
            }
            throw new PdfRejected(PdfRejected.MALFORMED, "The body is not a readable PDF.");
        }
    }
}
