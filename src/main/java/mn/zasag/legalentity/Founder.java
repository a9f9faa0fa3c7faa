package mn.zasag.legalentity;

import java.math.BigDecimal;

/**
 * One founder (shareholder) of a legal entity: a person by register number or another legal entity by
 * its registration number (exactly one of the two), with their share of the entity (0 &lt; share ≤ 1; an
 * entity's founders' shares add up to 1).
 */
public record Founder(String person, String entity, BigDecimal share) {

    public static Founder person(String registerNumber, BigDecimal share) {
        return new Founder(registerNumber, null, share);
    }

    public static Founder entity(String registrationNumber, BigDecimal share) {
        return new Founder(null, registrationNumber, share);
    }

    /** The register or registration number, whichever it is. */
    public String id() {
        return person != null ? person : entity;
    }
}
