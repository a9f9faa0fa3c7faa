package mn.zasag.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * How far one bulk import has got, safe to read from another thread while it runs. While the file is read,
 * the rate is rows per second and the ETA comes from the bytes left; the checks and writes that follow are
 * set-based statements whose length is not known in advance, so they show as a phase without an ETA.
 */
public final class ImportProgress {

    public enum Phase { QUEUED, READING, CHECKING, WRITING, REGISTRIES, DONE, FAILED }

    private final String id;
    private final String fileName;
    private final String actor;
    private final long totalBytes;
    private final Instant queuedAt;
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
    private final java.util.List<RegistryBulkLoad.BulkLoadResult> registries = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ImportProgress(String id, String fileName, String actor, long totalBytes) {
        this(id, fileName, actor, totalBytes, Instant.now());
    }

    private ImportProgress(String id, String fileName, String actor, long totalBytes, Instant queuedAt) {
        this.id = id;
        this.fileName = fileName;
        this.actor = actor;
        this.totalBytes = totalBytes;
        this.queuedAt = queuedAt;
    }

    /** An import as {@code registry.import_run} recorded it (run by another node, or before a restart). */
    static ImportProgress restored(java.sql.ResultSet rs) throws java.sql.SQLException {
        ImportProgress p = new ImportProgress(rs.getString("id"), rs.getString("file_name"), rs.getString("actor"),
                rs.getLong("total_bytes"), instant(rs, "queued_at"));
        p.phase = Phase.valueOf(rs.getString("phase"));
        p.bytesRead = rs.getLong("bytes_read");
        p.rowsRead = rs.getLong("rows_read");
        p.rejected = rs.getLong("rejected");
        p.imported = rs.getLong("imported");
        p.errorCode = rs.getString("error_code");
        p.errorLine = rs.getLong("error_line");
        p.rejectsFile = rs.getString("rejects_file");
        p.startedAt = instant(rs, "started_at");
        p.readAt = instant(rs, "read_at");
        p.finishedAt = instant(rs, "finished_at");
        String registries = rs.getString("registries");
        if (registries != null && !registries.isEmpty()) {
            for (String r : registries.split(";")) {
                String[] f = r.split(":", -1);
                p.registries.add(new RegistryBulkLoad.BulkLoadResult(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]), null));
            }
        }
        return p;
    }

    /** An import recorded as running whose node stopped recording it: nothing of it was committed. */
    void interrupted() {
        if (!finished()) {
            errorCode = "import_interrupted";
            imported = 0;
            phase = Phase.FAILED;
        }
    }

    /** The other registries' results as {@code registry.import_run.registries} keeps them. */
    String registriesText() {
        StringBuilder text = new StringBuilder();
        for (RegistryBulkLoad.BulkLoadResult r : registries) {
            text.append(text.isEmpty() ? "" : ";").append(r.registry()).append(':').append(r.rows()).append(':')
                    .append(r.imported()).append(':').append(r.rejected());
        }
        return text.toString();
    }

    Instant readAt() {
        return readAt;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
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

    void registry(RegistryBulkLoad.BulkLoadResult result) {
        registries.add(result);
    }

    /** What the other registries' files loaded with the persons gave (legal entities, vehicles, …), in load order. */
    public java.util.List<RegistryBulkLoad.BulkLoadResult> registries() {
        return java.util.List.copyOf(registries);
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
