package mn.zasag.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * On every node, now and then: deletes flood counters older than the flood window (they no longer count)
 * and files kept for web forms that were never sent again. Deleting the same rows twice is harmless.
 */
@Component
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final FloodGuard floods;
    private final PendingUploads pending;
    private final Clock clock;
    private final Duration keepUploads;

    Housekeeping(FloodGuard floods, PendingUploads pending, Clock clock,
                 @Value("${zasag.feedback.pending-uploads-for:6h}") Duration keepUploads) {
        this.floods = floods;
        this.pending = pending;
        this.clock = clock;
        this.keepUploads = keepUploads;
    }

    /** Runs one round at {@code now}; how many flood counters and kept files were deleted. */
    public int[] clean(OffsetDateTime now) {
        int counters = floods.purge(now);
        int uploads = pending.purge(now.minus(keepUploads));
        if (counters + uploads > 0) {
            log.info("11-11 housekeeping: {} flood counters, {} kept uploads deleted", counters, uploads);
        }
        return new int[] {counters, uploads};
    }

    @Scheduled(fixedDelayString = "${zasag.feedback.cleanup-interval:15m}", initialDelayString = "${zasag.feedback.cleanup-interval:15m}")
    public void run() {
        clean(OffsetDateTime.now(clock));
    }
}
