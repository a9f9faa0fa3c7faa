package mn.zasag.pki;

import mn.zasag.pki.internal.Authority;
import mn.zasag.pki.internal.Bc;
import mn.zasag.pki.internal.CaHierarchy;
import mn.zasag.pki.internal.OcspResponder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PAdES B-LT: a document security store (DSS, ISO 32000-2 12.8.4.3) appended as an incremental update, with
 * the certificates of the seal's chain and of the TSA's, an OCSP response from our responder for the seal's
 * certificate, and the current CRL of each CA, so the seal can be checked when our services are not reachable.
 */
@Component
class ValidationData {

    private final CaHierarchy hierarchy;
    private final OcspResponder ocsp;
    private final CertificateAuthorities authorities;

    ValidationData(CaHierarchy hierarchy, OcspResponder ocsp, CertificateAuthorities authorities) {
        this.hierarchy = hierarchy;
        this.ocsp = ocsp;
        this.authorities = authorities;
    }

    byte[] addTo(byte[] signed, List<X509Certificate> sealChain) {
        Authority tsa = hierarchy.get("tsa");
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        sealChain.forEach(c -> certificates.put(Bc.sha256(der(c)), c));
        certificates.put(Bc.sha256(tsa.der()), tsa.certificate());
        for (String ca = tsa.parent(); ca != null; ca = hierarchy.get(ca).parent()) {
            certificates.put(Bc.sha256(hierarchy.get(ca).der()), hierarchy.get(ca).certificate());
        }
        // only the seal's: our responder answers "unknown" for the TSA signer, which is not in the certificate
        // registry, so the TSA's status travels in the services CA's CRL instead
        List<byte[]> ocsps = List.of(status(sealChain.get(0), hierarchy.get("agencies")));
        List<byte[]> crls = new ArrayList<>();
        for (Authority ca : hierarchy.cas()) {
            if (certificates.containsKey(Bc.sha256(ca.der()))) {
                crls.add(authorities.crl(ca.code()));
            }
        }
        try (PDDocument document = Loader.loadPDF(signed)) {
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), streams(document, certificates.values().stream().map(ValidationData::der).toList()));
            dss.setItem(COSName.getPDFName("OCSPs"), streams(document, ocsps));
            dss.setItem(COSName.getPDFName("CRLs"), streams(document, crls));
            dss.setNeedToBeUpdated(true);
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signed.length + 16 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot add the validation data: " + e.getMessage(), e);
        }
    }

    private static COSArray streams(PDDocument document, List<byte[]> contents) throws IOException {
        COSArray array = new COSArray();
        for (byte[] content : contents) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
        }
        array.setNeedToBeUpdated(true);
        return array;
    }

    /** Our responder's answer for one certificate, asked in-process. */
    private byte[] status(X509Certificate certificate, Authority issuer) {
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build()
                    .get(CertificateID.HASH_SHA1), issuer.holder(), holder.getSerialNumber());
            OcspResponder.Answer answer = ocsp.respond(new OCSPReqBuilder().addRequest(id).build().getEncoded());
            if (!answer.successful()) {
                throw new IllegalStateException("our OCSP responder did not answer for " + holder.getSubject());
            }
            return answer.der();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask our OCSP responder: " + e.getMessage(), e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
