package mn.zasag.registry;

import java.util.Locale;

/**
 * An administrative division: the capital, an aimag, a district (düüreg), a soum or a khoroo.
 *
 * @param code       stable code of the National Statistics Office's classification (2 digits for the
 *                   capital and aimags, 4 for districts and soums); a khoroo's is its district's code and
 *                   its two-digit number (6 digits). A code always starts with its parent's.
 * @param parentCode the aimag, capital or district it belongs to, or null
 * @param level      {@code capital}, {@code aimag}, {@code district}, {@code soum} or {@code khoroo}
 */
public record Division(String code, String parentCode, String level, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
