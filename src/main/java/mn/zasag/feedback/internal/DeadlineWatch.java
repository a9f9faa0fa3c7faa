package mn.zasag.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Every few minutes on every node: warns agencies of cases due soon and escalates overdue ones. */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final FeedbackCases cases;
    private final Clock clock;
    private final Duration warnBefore;

    public DeadlineWatch(FeedbackCases cases, Clock clock, @Value("${zasag.feedback.warn-before:5d}") Duration warnBefore) {
        this.cases = cases;
        this.clock = clock;
        this.warnBefore = warnBefore;
    }

    @Scheduled(fixedDelayString = "${zasag.feedback.deadline-interval:5m}", initialDelayString = "${zasag.feedback.deadline-interval:5m}")
    public void sweep() {
        int[] done = cases.sweepDeadlines(OffsetDateTime.now(clock), warnBefore);
        if (done[0] + done[1] > 0) {
            log.info("11-11 deadlines: {} warned, {} escalated", done[0], done[1]);
        }
    }
}
