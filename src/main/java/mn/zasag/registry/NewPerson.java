package mn.zasag.registry;

import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;

import java.time.LocalDate;

/** A birth (or first registration) to record: the person it creates and the act it rests on. */
public record NewPerson(RegisterNumber registerNumber, String civilId, String clanName, String familyName,
                        String givenName, Sex sex, LocalDate birthDate, String birthPlace, String citizenship,
                        String addressDivision, String addressLine, String phone, String legalBasis) {
}
