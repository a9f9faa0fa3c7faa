package mn.zasag.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * One public service of the catalogue, as other modules see it.
 *
 * @param code          stable code, e.g. {@code GASR-CIV-012} (agency prefix, area, number)
 * @param agencyCode    the owning agency
 * @param nameMn        name in Mongolian
 * @param nameEn        name in English
 * @param channels      where it can be had: {@code online}, {@code kiosk}, {@code office}
 * @param feeMnt        the fee in tögrög (0 when free, and when the catalogue has not sourced it yet)
 * @param daysToDecide  the legal time to decide, in working days (0 = at once; 30, the general limit for answering a
 *                      petition, when the catalogue has not sourced the service's own time yet)
 * @param form          the online form's id when the service can be applied for online here, else null
 */
public record PublicService(String code, String agencyCode, String nameMn, String nameEn, Set<String> channels,
                           long feeMnt, int daysToDecide, String form) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }

    public boolean online() {
        return form != null;
    }
}
