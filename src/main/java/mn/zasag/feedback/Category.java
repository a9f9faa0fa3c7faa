package mn.zasag.feedback;

import java.util.Locale;

/**
 * A category of cases (an Open311 service) and the agency that answers it; {@code local} when the
 * agency's local office for the case's place answers (see {@link LocalOffice}).
 */
public record Category(String code, String agencyCode, String nameMn, String nameEn, boolean local) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
