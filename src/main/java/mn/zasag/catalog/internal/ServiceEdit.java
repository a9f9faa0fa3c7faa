package mn.zasag.catalog.internal;

import java.util.List;

/** What an admin may change in a service; the code, owning agency, online form and file version are not editable. */
public record ServiceEdit(String nameMn, String nameEn, String descriptionMn, String descriptionEn, String eligibilityMn,
                          String eligibilityEn, String category, String lifeEvent, List<String> channels, Long feeMnt,
                          Integer daysToDecide, List<String> documentsRequired, List<String> documentsProduced) {
}
