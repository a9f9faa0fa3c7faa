package mn.zasag.notifications;

import java.util.Locale;

/** The languages templates are written in: Mongolian first, English second. */
public enum Language {
    MN, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** English for an English locale, Mongolian for everything else (the platform's default). */
    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : MN;
    }

    public static Language ofCode(String code) {
        return "en".equalsIgnoreCase(code) ? EN : MN;
    }
}
