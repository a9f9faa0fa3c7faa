package mn.zasag.exchange.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keeps a monthly partition of the message log ready for this month and the next two (PostgreSQL declarative
 * partitioning by {@code logged_at}), so an old month can be exported, detached and dropped as one table. Rows that
 * fall outside every month partition land in the default partition.
 */
@Component
class LogPartitions {

    private static final Logger log = LoggerFactory.getLogger(LogPartitions.class);
    private final JdbcClient jdbc;
    private final Clock clock;

    LogPartitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 0 3 * * *", zone = "UTC")
    void ensure() {
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        for (int i = 0; i < 3; i++) {
            LocalDate from = month.plusMonths(i);
            String name = String.format("message_log_%04d_%02d", from.getYear(), from.getMonthValue());
            try {
                jdbc.sql("create table if not exists exchange." + name + " partition of exchange.message_log for values from ('"
                        + from + " 00:00:00+00') to ('" + from.plusMonths(1) + " 00:00:00+00')").update();
            } catch (RuntimeException e) {
                log.warn("cannot create partition {}: {}", name, e.getMessage());
            }
        }
    }
}
