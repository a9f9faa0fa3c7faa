package mn.zasag.registry;

import mn.zasag.shared.RegisterNumber.Sex;

import java.time.LocalDate;

/**
 * One generated person, as {@link PopulationGenerator} makes them: every field valid for the civil registry.
 * {@code spouse} and {@code marriageDate} are both set or both null; a spouse is always generated right
 * before or after the person, so a file cut anywhere but inside a couple holds both partners.
 *
 * @param index the person's position in the generated stream (0-based); other kinds of CSV can key on it
 */
public record SyntheticPerson(long index, String registerNumber, String civilId, String clanName, String familyName,
                              String givenName, Sex sex, LocalDate birthDate, String birthPlace, String citizenship,
                              String addressDivision, String addressLine, String phone, String spouse,
                              LocalDate marriageDate) {

    SyntheticPerson marriedTo(String spouseRn, LocalDate on) {
        return new SyntheticPerson(index, registerNumber, civilId, clanName, familyName, givenName, sex, birthDate,
                birthPlace, citizenship, addressDivision, addressLine, phone, spouseRn, on);
    }
}
