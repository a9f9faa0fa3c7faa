package mn.zasag.property.web;

import mn.zasag.legalentity.EntityNumber;
import mn.zasag.property.Owner;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the owners a registrar types, one a line: a register number or an entity's 7-digit number and the
 * share as a fraction ({@code 0.5}), a percentage ({@code 50%}) or a ratio ({@code 1/3}).
 */
final class OwnerLines {

    private OwnerLines() {
    }

    /** The owners, or null when a line cannot be read. */
    static List<Owner> parse(String text) {
        List<Owner> owners = new ArrayList<>();
        if (text == null) {
            return owners;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[\\s,;]+");
            BigDecimal share = parts.length == 2 ? share(parts[1]) : null;
            if (share == null) {
                return null;
            }
            owners.add(EntityNumber.isValid(parts[0]) ? Owner.entity(parts[0], share) : Owner.person(parts[0], share));
        }
        return owners;
    }

    private static BigDecimal share(String text) {
        try {
            if (text.endsWith("%")) {
                return new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2);
            }
            int slash = text.indexOf('/');
            if (slash > 0) {
                return new BigDecimal(text.substring(0, slash)).divide(new BigDecimal(text.substring(slash + 1)), MathContext.DECIMAL64);
            }
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
