package mn.zasag.catalog;

import java.util.Locale;

/**
 * A government organisation.
 *
 * @param code   stable short code used by other modules (e.g. {@code GASR})
 * @param nameMn name in Mongolian
 * @param nameEn name in English
 */
public record Agency(String code, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
