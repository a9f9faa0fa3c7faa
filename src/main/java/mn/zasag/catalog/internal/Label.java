package mn.zasag.catalog.internal;

import java.util.Locale;

/** A category, life event, agency or document kind with its names and, for browsing, how many services it has. */
public record Label(String code, String nameMn, String nameEn, long count) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
