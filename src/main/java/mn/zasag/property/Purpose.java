package mn.zasag.property;

import java.util.Locale;

/** What a property is for (residential, office, land, …), reference data in {@code property.purpose}. */
public record Purpose(String code, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
