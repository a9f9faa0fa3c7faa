package mn.zasag.legalentity;

import java.time.LocalDate;
import java.util.List;

/**
 * One legal entity of a synthetic country ({@link EntitiesCsv}): founded by generated persons (register
 * numbers, shares summing to 1), directed by the first founder.
 */
public record SyntheticEntity(long index, String number, String nameMn, String nameEn, String legalForm,
                              String status, String addressDivision, LocalDate registeredOn, LocalDate liquidatedOn,
                              List<String> founders, List<String> shares, String director) {

    public boolean live() {
        return liquidatedOn == null;
    }
}
