package mn.zasag.registry;

import mn.zasag.shared.RegisterNumber.Sex;

import java.time.LocalDate;

/**
 * A person as the civil registry holds them now; {@link CivilEvent}s hold how they came to be so.
 *
 * @param clanName        ургийн овог, or null
 * @param familyName      эцэг/эхийн нэр (father's or mother's name)
 * @param birthPlace      division code, or null when born abroad or unknown
 * @param citizenship     ISO 3166-1 alpha-3 code, {@code MNG} for Mongolia
 * @param addressDivision division code of the registered address, or null
 * @param spouse          register number of the current spouse, or null
 */
public record Person(String registerNumber, String civilId, String clanName, String familyName, String givenName,
                     Sex sex, LocalDate birthDate, String birthPlace, String citizenship, String addressDivision,
                     String addressLine, String phone, LocalDate deathDate, String spouse) {

    public boolean alive() {
        return deathDate == null;
    }

    /** «Болд Бат-Эрдэнэ», the order official documents use. */
    public String fullName() {
        return familyName + " " + givenName;
    }
}
