package mn.zasag.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A property right as the registry holds it now; its {@link PropertyChange}s hold its history.
 *
 * @param certificateNumber e.g. {@code Ү-2204012345}
 * @param addressDivision   division code (see {@code registry.Divisions})
 * @param area              in square metres
 * @param purpose           code of its {@link Purpose}
 */
public record Property(String certificateNumber, String addressDivision, String addressLine, BigDecimal area,
                       String purpose, LocalDate registeredOn, List<Owner> owners, List<Encumbrance> encumbrances) {

    public boolean encumbered() {
        return encumbrances.stream().anyMatch(Encumbrance::active);
    }

    /** The register numbers of the owners who are persons. */
    public List<String> persons() {
        return owners.stream().map(Owner::person).filter(Objects::nonNull).toList();
    }
}
