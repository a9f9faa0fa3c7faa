package mn.zasag.stats;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts visits per day in one row per day; month, year and total are sums over those rows.
 *
 * <p>A visit is counted in memory and written every second, many at once: every new visitor updating the day's one
 * row would make them all wait for each other's commit. The figures this node shows include what it has not written
 * yet; another node's unwritten visits appear within a second. A crash loses at most a second of counts.
 */
@Service
public class VisitCounter {

    private static final Logger log = LoggerFactory.getLogger(VisitCounter.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<LocalDate, LongAdder> pending = new ConcurrentHashMap<>();

    VisitCounter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void countVisit() {
        pending.computeIfAbsent(LocalDate.now(clock), day -> new LongAdder()).increment();
    }

    /** Writes the visits counted since the last time; a failed write keeps them for the next. */
    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    public synchronized void write() {
        pending.forEach((day, visits) -> {
            long n = visits.sumThenReset();
            if (n == 0) {
                if (day.isBefore(LocalDate.now(clock))) {
                    pending.remove(day, visits);
                }
                return;
            }
            try {
                jdbc.sql("""
                        insert into stats.visit_day (day, visits) values (:day, :n)
                        on conflict (day) do update set visits = stats.visit_day.visits + :n
                        """).param("day", day).param("n", n).update();
            } catch (RuntimeException e) {
                visits.add(n);
                log.warn("Could not write {} visits of {}; kept for the next try", n, day, e);
            }
        });
    }

    /** Under the same lock as {@link #write}, so a visit is never in neither place. */
    public synchronized VisitCounts counts() {
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        VisitCounts written = jdbc.sql("""
                        select coalesce(sum(visits) filter (where day >= :month), 0) as month,
                               coalesce(sum(visits) filter (where day >= :year), 0) as year,
                               coalesce(sum(visits), 0) as total
                        from stats.visit_day
                        """)
                .param("month", month).param("year", year)
                .query((rs, n) -> new VisitCounts(rs.getLong("month"), rs.getLong("year"), rs.getLong("total")))
                .single();
        long inMonth = 0;
        long inYear = 0;
        long all = 0;
        for (Map.Entry<LocalDate, LongAdder> e : pending.entrySet()) {
            long n = e.getValue().sum();
            all += n;
            inYear += e.getKey().isBefore(year) ? 0 : n;
            inMonth += e.getKey().isBefore(month) ? 0 : n;
        }
        return new VisitCounts(written.thisMonth() + inMonth, written.thisYear() + inYear, written.total() + all);
    }
}
