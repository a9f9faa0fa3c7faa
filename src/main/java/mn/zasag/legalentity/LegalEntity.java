package mn.zasag.legalentity;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal entity as the registry holds it now; its {@link EntityChange}s hold how it came to be so.
 *
 * @param registrationNumber seven digits, see {@link EntityNumber}
 * @param legalForm          code of its {@link LegalForm} (ХХК, ХК, ТББ, …)
 * @param addressDivision    division code of its registered address (see {@code registry.Divisions})
 * @param liquidatedOn       set exactly when the status is {@link EntityStatus#LIQUIDATED}
 */
public record LegalEntity(String registrationNumber, String nameMn, String nameEn, String legalForm,
                          EntityStatus status, String addressDivision, String addressLine, LocalDate registeredOn,
                          LocalDate liquidatedOn, List<Founder> founders, List<Director> directors) {

    public boolean active() {
        return status == EntityStatus.ACTIVE;
    }

    /** The register numbers of every person named in the record (founders and directors). */
    public List<String> persons() {
        return java.util.stream.Stream.concat(founders.stream().map(Founder::person), directors.stream().map(Director::person))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }
}
