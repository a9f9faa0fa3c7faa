package mn.zasag.legalentity;

import java.util.Locale;

/** A legal form (ХХК, ХК, ТББ, …), reference data kept in {@code legalentity.legal_form}. */
public record LegalForm(String code, String nameMn, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameMn;
    }
}
