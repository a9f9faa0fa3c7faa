package mn.zasag.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * How far one bulk import has got, safe to read from another thread while it runs. While the file is read,
 * the rate is rows per second and the ETA comes from the bytes left; the checks and writes that follow are
 * set-based statements whose length is not known in advance, so they show as a phase without an ETA.
 */
public final class ImportProgress {

    public enum Phase { QUEUED, READING, CHECKING, WRITING, DONE, FAILED }

    private final String id;
    private final String fileName;
    private final String actor;
    private final long totalBytes;
    private final Instant queuedAt = Instant.now();
    private volatile Instant startedAt;
    private volatile Instant readAt;
    private volatile Instant finishedAt;
    private volatile Phase phase = Phase.QUEUED;
    private volatile long bytesRead;
    private volatile long rowsRead;
    private volatile long rejected;
    private volatile long imported;
    private volatile String errorCode;
    private volatile long errorLine;
    private volatile String rejectsFile;

    public ImportProgress(String id, String fileName, String actor, long totalBytes) {
        this.id = id;
        this.fileName = fileName;
        this.actor = actor;
        this.totalBytes = totalBytes;
    }

    void started() {
        startedAt = Instant.now();
        phase = Phase.READING;
    }

    void read(long bytes, long rows, long rejectedSoFar) {
        bytesRead = bytes;
        rowsRead = rows;
        rejected = rejectedSoFar;
    }

    void phase(Phase next) {
        if (next == Phase.CHECKING) {
            readAt = Instant.now();
        }
        phase = next;
    }

    void done(long importedRows, long rejectedRows, String rejectsPath) {
        imported = importedRows;
        rejected = rejectedRows;
        rejectsFile = rejectsPath;
        finishedAt = Instant.now();
        phase = Phase.DONE;
    }

    void failed(String code, long line) {
        errorCode = code;
        errorLine = line;
        imported = 0;
        finishedAt = Instant.now();
        phase = Phase.FAILED;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String actor() {
        return actor;
    }

    public Phase phase() {
        return phase;
    }

    public boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rejected() {
        return rejected;
    }

    public long imported() {
        return imported;
    }

    public String errorCode() {
        return errorCode;
    }

    public long errorLine() {
        return errorLine;
    }

    /** Path of the rejects file once the import is done and some rows were rejected, else null. */
    public String rejectsFile() {
        return rejectsFile;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** Rows read per second since the start (until the end of the whole import once finished). */
    public long rowsPerSecond() {
        Instant start = startedAt;
        if (start == null) {
            return 0;
        }
        Instant end = finishedAt != null ? finishedAt : readAt != null ? readAt : Instant.now();
        long millis = Math.max(1, Duration.between(start, end).toMillis());
        return rowsRead * 1000 / millis;
    }

    /** Seconds until the whole file is read, from the bytes left at the rate so far; -1 when not known. */
    public long etaSeconds() {
        Instant start = startedAt;
        if (start == null || phase != Phase.READING || bytesRead == 0 || totalBytes <= 0) {
            return -1;
        }
        double elapsed = Math.max(1, Duration.between(start, Instant.now()).toMillis()) / 1000.0;
        return Math.round((totalBytes - bytesRead) / (bytesRead / elapsed));
    }

    public long elapsedSeconds() {
        Instant start = startedAt;
        if (start == null) {
            return 0;
        }
        return Duration.between(start, finishedAt != null ? finishedAt : Instant.now()).toSeconds();
    }

    /** Percentage of the file read (100 once read). */
    public int percentRead() {
        if (phase.ordinal() > Phase.READING.ordinal()) {
            return 100;
        }
        return totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
    }
}
