package mn.zasag.applications.internal;

import java.time.LocalDate;

/** A date question's bound: {@code today}, {@code today+30d}, {@code today-18y}, {@code today+6m} or an ISO date. */
final class DateBounds {

    private DateBounds() {
    }

    static LocalDate resolve(String bound, LocalDate today) {
        if (!bound.startsWith("today")) {
            return LocalDate.parse(bound);
        }
        if (bound.equals("today")) {
            return today;
        }
        String rest = bound.substring(5);
        int sign = rest.charAt(0) == '-' ? -1 : 1;
        long n = sign * Long.parseLong(rest.substring(1, rest.length() - 1));
        return switch (rest.charAt(rest.length() - 1)) {
            case 'd' -> today.plusDays(n);
            case 'm' -> today.plusMonths(n);
            case 'y' -> today.plusYears(n);
            default -> throw new IllegalArgumentException(bound);
        };
    }
}
