package mn.zasag.legalentity;

import java.time.LocalDate;

/** A search result: the entity without its founders and directors (who are persons, read one by one). */
public record EntitySummary(String registrationNumber, String nameMn, String nameEn, String legalForm,
                            EntityStatus status, LocalDate registeredOn) {
}
