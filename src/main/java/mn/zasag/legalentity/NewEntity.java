package mn.zasag.legalentity;

import java.time.LocalDate;
import java.util.List;

/** A legal entity to register, as the registrar entered it. */
public record NewEntity(String registrationNumber, String nameMn, String nameEn, String legalForm,
                        String addressDivision, String addressLine, LocalDate registeredOn, List<Founder> founders,
                        List<String> directors, String legalBasis) {
}
