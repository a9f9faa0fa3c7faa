package mn.zasag.registry;

import java.util.Locale;

/**
 * An administrative division: the capital, an aimag, a district (düüreg) or a soum.
 *
 * @param code       stable code of the National Statistics Office's classification (2 digits for the
 *                   capital and aimags, 4 for districts and soums)
 * @param parentCode the aimag or capital it belongs to, or null
 * @param level      {@code capital}, {@code aimag}, {@code district} or {@code soum}
 */
public record Division(String code, String parentCode, String level, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
