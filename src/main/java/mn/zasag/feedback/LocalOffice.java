package mn.zasag.feedback;

import java.util.Locale;

/**
 * An agency's local office for a place (an aimag or a district of the capital): it answers the cases of
 * its agency's locally handled categories from that place and the places below it (soums, khoroos).
 * Declared in {@code feedback/local-offices.psv}.
 */
public record LocalOffice(String code, String agencyCode, String divisionCode, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
