package mn.zasag.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Everything the catalogue knows of one service, as the pages, the API and the admin pages show it. */
public record ServiceDetail(String code, int version, String agencyCode, String agencyNameMn, String agencyNameEn,
                            String nameMn, String nameEn, String category, String lifeEvent, List<String> channels,
                            Long feeMnt, Integer daysToDecide, String form, List<String> documentsRequired,
                            List<String> documentsProduced, String descriptionMn, String descriptionEn,
                            String eligibilityMn, String eligibilityEn, String source, Instant editedAt, String editedBy) {

    private static boolean en(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    public String name(Locale locale) {
        return en(locale) ? nameEn : nameMn;
    }

    public String description(Locale locale) {
        return en(locale) ? descriptionEn : descriptionMn;
    }

    public String eligibility(Locale locale) {
        return en(locale) ? eligibilityEn : eligibilityMn;
    }

    public String agencyName(Locale locale) {
        return en(locale) ? agencyNameEn : agencyNameMn;
    }

    public boolean online() {
        return form != null;
    }
}
