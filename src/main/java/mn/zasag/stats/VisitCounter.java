package mn.zasag.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/** Counts visits per day in one row per day; month, year and total are sums over those rows. */
@Service
public class VisitCounter {

    private final JdbcClient jdbc;
    private final Clock clock;

    VisitCounter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void countVisit() {
        jdbc.sql("""
                insert into stats.visit_day (day, visits) values (:day, 1)
                on conflict (day) do update set visits = stats.visit_day.visits + 1
                """).param("day", LocalDate.now(clock)).update();
    }

    public VisitCounts counts() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select coalesce(sum(visits) filter (where day >= :month), 0) as month,
                       coalesce(sum(visits) filter (where day >= :year), 0) as year,
                       coalesce(sum(visits), 0) as total
                from stats.visit_day
                """)
                .param("month", today.withDayOfMonth(1))
                .param("year", today.withDayOfYear(1))
                .query((rs, n) -> new VisitCounts(rs.getLong("month"), rs.getLong("year"), rs.getLong("total")))
                .single();
    }
}
