package mn.zasag.feedback;

import java.util.Locale;

/** A category of cases (an Open311 service) and the agency that answers it. */
public record Category(String code, String agencyCode, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
