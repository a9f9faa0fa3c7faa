package mn.zasag.property;

import java.math.BigDecimal;

/** One owner of a property: a person by register number or a legal entity by registration number, with a share. */
public record Owner(String person, String entity, BigDecimal share) {

    public static Owner person(String registerNumber, BigDecimal share) {
        return new Owner(registerNumber, null, share);
    }

    public static Owner entity(String registrationNumber, BigDecimal share) {
        return new Owner(null, registrationNumber, share);
    }

    public String id() {
        return person != null ? person : entity;
    }
}
