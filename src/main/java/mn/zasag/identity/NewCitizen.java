package mn.zasag.identity;

import mn.zasag.shared.RegisterNumber;

/** A citizen registering themselves; the register number is already validated by its type. */
public record NewCitizen(RegisterNumber registerNumber, String familyName, String givenName, String mobile,
                         String email, String password) {

    @Override
    public String toString() {
        return "NewCitizen[" + registerNumber.value().substring(0, 2) + "********]";
    }
}
