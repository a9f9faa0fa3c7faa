package mn.zasag.documents;

import java.util.List;

/**
 * What to issue. The PDF shows the title, the lines in order, the issuing agency, the issue date, a QR code
 * and the short code.
 *
 * @param type             a stable document type, e.g. {@code civil.reference.marital-status}
 * @param agencyCode       the issuing agency (its seal signs the PDF), e.g. {@code GASR}
 * @param holderRegisterNumber the person the document is about and for (their wallet lists it)
 * @param titleMn          title in Mongolian
 * @param titleEn          title in English
 * @param lines            the facts, label + value, in order
 * @param english          whether an English version is asked for as well (the Mongolian one is always made)
 * @param sourceReference  what the document comes from, e.g. an application reference; issuing again with the
 *                         same type and source reference returns the document already issued
 */
public record NewDocument(String type, String agencyCode, String holderRegisterNumber, String titleMn, String titleEn,
                          List<Line> lines, boolean english, String sourceReference) {

    /** One fact: a label in both languages and its value (a value is printed as given). */
    public record Line(String labelMn, String labelEn, String value) {
    }
}
