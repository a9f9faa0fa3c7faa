package mn.zasag.exchange.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.exchange.DirectoryRefused;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.DataSealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Archives a closed month of the message log and then removes it from the database (X-Road's archiving of the
 * message log). The archive is a zip in {@code ${ZASAG_DATA_DIR}/archive/}: {@code log.jsonl} (the {@link LogArchive}
 * export of a contiguous stretch of the chain that holds every record of the month, ending on a time-stamped batch),
 * {@code manifest.json} (period, range, record count, SHA-256 of the log, the chain hashes before and after),
 * {@code manifest.sig} and {@code manifest-seal.pem} (the platform seal over the manifest) and {@code manifest.tst}
 * (an RFC 3161 time-stamp over the manifest). The file is read back and checked by {@link LogVerifier} with the root
 * certificate; only an intact archive lets the month's partition be dropped, in one transaction with the audit entry.
 * Months are archived oldest first, so archives cover disjoint, contiguous stretches of the chain.
 */
@Component
public class LogArchiver {

    private static final Logger log = LoggerFactory.getLogger(LogArchiver.class);
    public static final String FORMAT = "zasag-exchange-archive/1";

    /** One archived month. */
    public record Archived(String period, long firstSeq, long lastSeq, long records, String file, String sha256, OffsetDateTime archivedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LogArchive archive;
    private final LogChainer chainer;
    private final DataSealing sealing;
    private final CertificateAuthorities authorities;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Path directory;
    private final int retentionDays;

    LogArchiver(JdbcClient jdbc, TransactionTemplate tx, LogArchive archive, LogChainer chainer, DataSealing sealing,
                CertificateAuthorities authorities, AuditTrail audit, JsonMapper json, Clock clock,
                @Value("${zasag.data-dir:./data}") String dataDir, @Value("${zasag.exchange.log-retention-days:365}") int retentionDays) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.archive = archive;
        this.chainer = chainer;
        this.sealing = sealing;
        this.authorities = authorities;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.directory = Path.of(dataDir, "archive");
        this.retentionDays = retentionDays;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public List<Archived> archives() {
        return jdbc.sql("select period, first_seq, last_seq, records, file, sha256, archived_at from exchange.log_archive order by period desc")
                .query((rs, n) -> new Archived(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }

    @Scheduled(cron = "${zasag.exchange.archive-cron:0 30 3 * * *}", zone = "UTC")
    void scheduled() {
        try {
            archiveExpired();
        } catch (RuntimeException e) {
            log.warn("message log archiving failed; will retry tomorrow: {}", e.getMessage());
        }
    }

    /** Archives, oldest first, every month that ended more than the retention period ago; none when it is 0. */
    public List<Archived> archiveExpired() {
        if (retentionDays <= 0) {
            return List.of();
        }
        LocalDate cutoff = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        List<Archived> done = new java.util.ArrayList<>();
        while (true) {
            OffsetDateTime oldest = jdbc.sql("select min(logged_at) from exchange.message_log").query(OffsetDateTime.class).optional().orElse(null);
            if (oldest == null) {
                return done;
            }
            YearMonth month = YearMonth.from(oldest.withOffsetSameInstant(ZoneOffset.UTC));
            if (month.plusMonths(1).atDay(1).isAfter(cutoff)) {
                return done;
            }
            done.add(archive(month.toString()));
        }
    }

    /** Archives one closed month ({@code YYYY-MM}) and drops its records once the archive verified. */
    public Archived archive(String period) {
        YearMonth month;
        try {
            month = YearMonth.parse(period == null ? "" : period.strip());
        } catch (DateTimeParseException e) {
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "exchange_log_period_invalid", "The period is a month, YYYY-MM");
        }
        OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        if (end.isAfter(OffsetDateTime.now(clock))) {
            throw refused(HttpStatus.CONFLICT, "exchange_log_period_open", "Only a month that has ended can be archived");
        }
        if (jdbc.sql("select count(*) from exchange.log_archive where period = :p").param("p", month.toString()).query(Long.class).single() > 0) {
            throw refused(HttpStatus.CONFLICT, "exchange_log_period_archived", "This month is already archived");
        }
        if (jdbc.sql("select exists (select 1 from exchange.message_log where logged_at < :s)").param("s", start).query(Boolean.class).single()) {
            throw refused(HttpStatus.CONFLICT, "exchange_log_older_first", "Archive the older months first");
        }
        chainer.chainPending();
        if (jdbc.sql("select exists (select 1 from exchange.message_log where logged_at >= :s and logged_at < :e and chain_seq is null)")
                .param("s", start).param("e", end).query(Boolean.class).single()) {
            throw refused(HttpStatus.CONFLICT, "exchange_log_unchained", "Some records of this month are not chained yet; try again shortly");
        }
        Long maxSeq = jdbc.sql("select max(chain_seq) from exchange.message_log where logged_at >= :s and logged_at < :e")
                .param("s", start).param("e", end).query(Long.class).optional().orElse(null);
        if (maxSeq == null) {
            throw refused(HttpStatus.NOT_FOUND, "exchange_log_period_empty", "The message log holds no records of this month");
        }
        long from = archive.archivedUpTo() + 1;
        // end the archive on a time-stamped batch, so that every record in it is covered by a time-stamp
        // (a month whose records all went into the previous month's archive, as its last batch reached into it, adds none)
        long to = maxSeq < from ? from - 1 : jdbc.sql("select last_seq from exchange.log_batch where first_seq <= :m and last_seq >= :m")
                .param("m", maxSeq).query(Long.class).single();
        byte[] lastChainHash = to == 0 ? new byte[32] : to < from ? archive.previousChainHash(from)
                : jdbc.sql("select chain_hash from exchange.log_batch where last_seq = :t").param("t", to).query(byte[].class).single();

        Path file = directory.resolve("exchange-log-" + month + ".zip");
        Path partial = directory.resolve("exchange-log-" + month + ".zip.partial");
        String sha256;
        try {
            Files.createDirectories(directory);
            write(partial, month, from, to, lastChainHash);
            byte[] bytes = Files.readAllBytes(partial);
            LogVerifier.Result result = LogVerifier.verify(bytes, authorities.get("root").pem().getBytes(StandardCharsets.US_ASCII));
            if (!result.intact() || result.records() != to - from + 1) {
                Files.deleteIfExists(partial);
                log.error("message log archive of {} did not verify: {}", month, result);
                throw refused(HttpStatus.CONFLICT, "exchange_log_archive_broken",
                        "The archive did not verify (" + result + "); nothing was removed");
            }
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + file, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }

        String hash = sha256;
        try {
            return drop(month, start, end, from, to, lastChainHash, file, hash);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw refused(HttpStatus.CONFLICT, "exchange_log_period_archived", "This month was archived at the same time by another request");
        }
    }

    /** Records the archive, drops the month's partition and its rows in the default partition, and audits it: one transaction. */
    private Archived drop(YearMonth month, OffsetDateTime start, OffsetDateTime end, long from, long to, byte[] lastChainHash, Path file,
                          String hash) {
        String partition = String.format("message_log_%04d_%02d", month.getYear(), month.getMonthValue());
        return tx.execute(status -> {
            jdbc.sql("select seq from exchange.chain_head where id = 1 for update").query(Long.class).single();
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("""
                            insert into exchange.log_archive (period, first_seq, last_seq, records, last_chain_hash, file, sha256, archived_by, archived_at)
                            values (:p, :f, :t, :r, :h, :file, :sha, :by, :now)""")
                    .param("p", month.toString()).param("f", from).param("t", to).param("r", to - from + 1).param("h", lastChainHash)
                    .param("file", file.toString()).param("sha", hash).param("by", currentLogin()).param("now", now).update();
            long removed = 0;
            if (jdbc.sql("select to_regclass('exchange." + partition + "') is not null").query(Boolean.class).single()) {
                removed += jdbc.sql("select count(*) from exchange." + partition).query(Long.class).single();
                jdbc.sql("alter table exchange.message_log detach partition exchange." + partition).update();
                jdbc.sql("drop table exchange." + partition).update();
            }
            removed += jdbc.sql("delete from exchange.message_log where logged_at >= :s and logged_at < :e")
                    .param("s", start).param("e", end).update();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("first_seq", Long.toString(from));
            details.put("last_seq", Long.toString(to));
            details.put("removed", Long.toString(removed));
            details.put("file", file.getFileName().toString());
            details.put("sha256", hash);
            audit.record(AuditEvent.success("exchange.log.archived", "exchange_log", month.toString()).withDetails(details));
            log.info("archived the message log of {}: records {}-{} to {}, {} rows removed", month, from, to, file, removed);
            return new Archived(month.toString(), from, to, to - from + 1, file.toString(), hash, now);
        });
    }

    private void write(Path target, YearMonth month, long from, long to, byte[] lastChainHash) throws IOException {
        Path logFile = Files.createTempFile(directory, "log", ".jsonl");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(logFile), digest)) {
                archive.export(from, to, out);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("period", month.toString());
            manifest.put("firstSeq", from);
            manifest.put("lastSeq", to);
            manifest.put("records", to - from + 1);
            manifest.put("log", "log.jsonl");
            manifest.put("logSha256", Base64.getEncoder().encodeToString(digest.digest()));
            manifest.put("previousChainHash", Base64.getEncoder().encodeToString(from == 1 ? new byte[32] : archive.previousChainHash(from)));
            manifest.put("lastChainHash", Base64.getEncoder().encodeToString(lastChainHash));
            manifest.put("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
            byte[] manifestBytes = json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
            DataSealing.Seal seal = sealing.seal(null, manifestBytes);
            byte[] token = sealing.timeStamp(MessageDigest.getInstance("SHA-256").digest(manifestBytes));
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                zip.putNextEntry(new ZipEntry("log.jsonl"));
                try (InputStream in = Files.newInputStream(logFile)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                entry(zip, "manifest.json", manifestBytes);
                entry(zip, "manifest.sig", Base64.getEncoder().encode(seal.signature()));
                entry(zip, "manifest-seal.pem", sealing.certificatePem(seal.serial()).getBytes(StandardCharsets.US_ASCII));
                entry(zip, "manifest.tst", token);
                entry(zip, "README.txt", ("""
                        Message log of the Zasag data exchange, %s (chain records %d-%d).
                        Verify offline with the platform's root certificate (from /pki):
                          java -cp zasag.jar -Dloader.main=mn.zasag.exchange.internal.LogVerifier \\
                               org.springframework.boot.loader.launch.PropertiesLauncher %s root.pem
                        """).formatted(month, from, to, target.getFileName().toString().replace(".partial", "")).getBytes(StandardCharsets.UTF_8));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(logFile);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static DirectoryRefused refused(HttpStatus status, String code, String detail) {
        return new DirectoryRefused(status, code, detail);
    }

    private static String currentLogin() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
