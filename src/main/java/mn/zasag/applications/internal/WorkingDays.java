package mn.zasag.applications.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days (Monday to Friday) for the legal time to decide. Public holidays are not counted yet. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDate add(LocalDate from, int days) {
        LocalDate d = from;
        int added = 0;
        while (added < days) {
            d = d.plusDays(1);
            if (working(d)) {
                added++;
            }
        }
        return d;
    }

    /** Working days from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public static long between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        long n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (working(d.plusDays(1))) {
                n++;
            }
        }
        return n;
    }

    private static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
