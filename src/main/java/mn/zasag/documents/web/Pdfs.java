package mn.zasag.documents.web;

import mn.zasag.documents.DocumentDetails;
import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

/** The holder's download of a sealed PDF, byte for byte, named by its short code and language. */
final class Pdfs {

    private Pdfs() {
    }

    static ResponseEntity<byte[]> download(Documents documents, String id, String lang, Actor me) {
        byte[] pdf = documents.ownPdf(id, lang, me);
        DocumentDetails document = documents.own(id, me);
        String name = "zasag-" + document.document().shortCode() + "-" + lang.strip().toLowerCase(Locale.ROOT) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }
}
