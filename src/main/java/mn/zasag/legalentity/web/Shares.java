package mn.zasag.legalentity.web;

import mn.zasag.legalentity.EntityNumber;
import mn.zasag.legalentity.Founder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the founders a registrar types, one a line: a register number or an entity's 7-digit number and
 * its share as a fraction ({@code 0.5}), a percentage ({@code 50%}) or a ratio ({@code 1/3}).
 */
final class Shares {

    private Shares() {
    }

    /** The founders, or null when a line cannot be read. */
    static List<Founder> parse(String text) {
        List<Founder> founders = new ArrayList<>();
        if (text == null) {
            return founders;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[\\s,;]+");
            if (parts.length != 2) {
                return null;
            }
            BigDecimal share = share(parts[1]);
            if (share == null) {
                return null;
            }
            founders.add(EntityNumber.isValid(parts[0]) ? Founder.entity(parts[0], share) : Founder.person(parts[0], share));
        }
        return founders;
    }

    static BigDecimal share(String text) {
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

    /** The lines the form shows back. */
    static String format(List<Founder> founders) {
        StringBuilder text = new StringBuilder();
        founders.forEach(f -> text.append(f.id()).append(' ').append(f.share().stripTrailingZeros().toPlainString()).append('\n'));
        return text.toString();
    }
}
