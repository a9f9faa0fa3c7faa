package mn.zasag.registry;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.internal.CsvFields;
import mn.zasag.registry.internal.NameKey;
import mn.zasag.registry.internal.Utf8Lines;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.RegisterNumber;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Loads a persons CSV ({@link PersonsCsv}) into the civil registry at national scale.
 *
 * <p><b>How.</b> The file is read once, as strict UTF-8, line by line (memory does not grow with the file).
 * Each row is checked on its own in Java (register number, dates, sex, names, identifiers, divisions,
 * marriage date) and streamed with PostgreSQL {@code COPY} into a temporary staging table, rejected rows
 * with their reason. Set-based statements then reject duplicates within the file and against the registry
 * and marriages whose partner is missing, different or rejected, and insert the remaining persons, a
 * {@code BIRTH} civil event for each and a {@code MARRIAGE} event for each married partner. One audit
 * entry records the import.
 *
 * <p><b>All or nothing.</b> All of this is one transaction: an import that fails (a file that is not UTF-8,
 * a wrong header, an I/O or database error, a stopped server) leaves nothing written and is simply run
 * again; it is not resumable. Rejected rows do not fail an import: they are listed, sorted by line, with
 * their reason and the original text, in a rejects file next to the input ({@code <file>.rejects.csv}).
 * Only one import runs at a time.
 */
@Service
public class PersonImporter {

    /** Codes of the reasons a row is rejected for, each with a {@code import.reject.<code>} message. */
    public static final List<String> REJECT_REASONS = List.of("malformed_row", "column_count", "register_number_invalid",
            "birth_date_invalid", "birth_date_mismatch", "birth_in_future", "sex_invalid", "sex_mismatch",
            "name_invalid", "civil_id_invalid", "phone_invalid", "citizenship_invalid", "division_unknown",
            "address_invalid", "marriage_incomplete", "marriage_date_invalid", "marriage_in_future",
            "marriage_before_birth", "marriage_minor", "spouse_invalid", "marriage_to_self", "duplicate_in_file",
            "civil_id_duplicate_in_file", "already_registered", "civil_id_taken", "spouse_not_in_file",
            "spouse_mismatch", "spouse_rejected");

    private static final Logger log = LoggerFactory.getLogger(PersonImporter.class);
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final Pattern CIVIL_ID = Pattern.compile("^[0-9]{8,12}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,15}$");
    private static final Pattern CITIZENSHIP = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L} .'-]{0,99}$");
    private static final Set<String> REQUIRED = Set.of("register_number", "family_name", "given_name", "birth_date");
    private static final int KEPT = 20;
    /** A running import not recorded for this long is taken as interrupted (its node stopped). */
    private static final java.time.Duration STALE = java.time.Duration.ofSeconds(30);
    /** Below this many rows an import keeps the registry's indexes whatever the registry holds (see deferIndexes). */
    private static final long DEFER_INDEXES_FROM = 100_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<RegistryBulkLoad> registries;
    private final TransactionTemplate recording;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, ImportProgress> imports = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportProgress> eldest) {
            return size() > KEPT;
        }
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "person-import");
        t.setDaemon(true);
        return t;
    });

    PersonImporter(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, AuditTrail audit,
                   Clock clock, ObjectProvider<RegistryBulkLoad> registries,
                   org.springframework.transaction.PlatformTransactionManager transactions) {
        this.recording = new TransactionTemplate(transactions);
        this.recording.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.registries = registries;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The file of another registry loaded with a persons file: {@code <stem>.<name>.csv} beside {@code <stem>.csv}. */
    public static Path registryFileFor(Path personsCsv, String name) {
        String file = personsCsv.getFileName().toString();
        String stem = file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        return personsCsv.resolveSibling(stem + "." + name + ".csv");
    }

    /** The rejects file written for an input file. */
    public static Path rejectsFileFor(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".rejects.csv");
    }

    /**
     * Starts importing in the background and returns at once; follow it with {@link #find(String)}.
     *
     * @throws ImportFailed {@code import_running} when another import has not finished
     */
    public ImportProgress start(Path csv, String legalBasis, String actor) {
        String basis = legalBasis(legalBasis);
        claim();
        ImportProgress progress = progress(csv, actor);
        try {
            worker.submit(() -> {
                try {
                    execute(csv, basis, actor, progress);
                } catch (RuntimeException e) {
                    // recorded in the progress; the caller polls it
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return progress;
    }

    /**
     * Imports in the calling thread (command line, demo start) and returns when done.
     *
     * @throws ImportFailed when nothing could be imported (see the class comment)
     */
    public ImportProgress run(Path csv, String legalBasis, String actor) {
        String basis = legalBasis(legalBasis);
        claim();
        try {
            ImportProgress progress = progress(csv, actor);
            execute(csv, basis, actor, progress);
            return progress;
        } finally {
            running.set(false);
        }
    }

    /** An import run by this node (live) or recorded in {@code registry.import_run} (another node, before a restart). */
    public Optional<ImportProgress> find(String id) {
        ImportProgress live = imports.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        return jdbc.query("select * from registry.import_run where id = ?", (rs, i) -> recorded(rs), id).stream().findFirst();
    }

    /** The same as {@link #find}, or {@link ImportNotFound}. */
    public ImportProgress get(String id) {
        return find(id).orElseThrow(ImportNotFound::new);
    }

    /** The latest imports of every node, newest first (this node's running ones live). */
    public List<ImportProgress> recent() {
        return jdbc.query("select * from registry.import_run order by queued_at desc limit " + KEPT, (rs, i) -> {
            ImportProgress live = imports.get(rs.getString("id"));
            return live != null ? live : recorded(rs);
        });
    }

    private ImportProgress recorded(java.sql.ResultSet rs) throws SQLException {
        ImportProgress p = ImportProgress.restored(rs);
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        if (!p.finished() && updated.isBefore(OffsetDateTime.now(clock).minus(STALE))) {
            p.interrupted();
        }
        return p;
    }

    /** Saves every import this node is running (its own transaction each; the import's is still open). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000)
    public void recordRunning() {
        List<ImportProgress> live;
        synchronized (imports) {
            live = imports.values().stream().filter(p -> !p.finished()).toList();
        }
        live.forEach(this::record);
    }

    private void record(ImportProgress p) {
        try {
            recording.executeWithoutResult(status -> jdbc.update("""
                    insert into registry.import_run (id, file_name, actor, total_bytes, phase, bytes_read, rows_read, rejected,
                        imported, error_code, error_line, rejects_file, registries, queued_at, started_at, read_at,
                        finished_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set phase = excluded.phase, bytes_read = excluded.bytes_read,
                        rows_read = excluded.rows_read, rejected = excluded.rejected, imported = excluded.imported,
                        error_code = excluded.error_code, error_line = excluded.error_line,
                        rejects_file = excluded.rejects_file, registries = excluded.registries,
                        started_at = excluded.started_at, read_at = excluded.read_at, finished_at = excluded.finished_at,
                        updated_at = excluded.updated_at""",
                    p.id(), p.fileName(), p.actor(), p.totalBytes(), p.phase().name(), p.bytesRead(), p.rowsRead(),
                    p.rejected(), p.imported(), p.errorCode(), p.errorLine(), p.rejectsFile(), p.registriesText(),
                    offset(p.queuedAt()), offset(p.startedAt()), offset(p.readAt()), offset(p.finishedAt()),
                    OffsetDateTime.now(clock)));
        } catch (RuntimeException e) {
            log.warn("Could not record the progress of import {}", p.id(), e);
        }
    }

    private static OffsetDateTime offset(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new ImportFailed("import_running", 0, "Another import is running");
        }
        Long elsewhere = jdbc.queryForObject("select count(*) from registry.import_run where phase not in ('DONE', 'FAILED') "
                + "and updated_at > ?", Long.class, OffsetDateTime.now(clock).minus(STALE));
        if (elsewhere != null && elsewhere > 0) {
            running.set(false);
            throw new ImportFailed("import_running", 0, "Another import is running");
        }
    }

    private ImportProgress progress(Path csv, String actor) {
        long size;
        try {
            size = Files.size(csv);
        } catch (IOException e) {
            size = -1;
        }
        ImportProgress progress = new ImportProgress(UUID.randomUUID().toString(), csv.getFileName().toString(), actor, size);
        imports.put(progress.id(), progress);
        record(progress);
        return progress;
    }

    private static String legalBasis(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 300) {
            throw new ImportFailed("import_legal_basis_missing", 0, "A legal basis (at most 300 characters) is required");
        }
        return text.strip();
    }

    private void execute(Path csv, String basis, String actor, ImportProgress progress) {
        progress.started();
        Path rejects = rejectsFileFor(csv);
        try {
            Files.deleteIfExists(rejects);
            long[] counts = transaction.execute(status -> load(csv, rejects, basis, actor, progress));
            progress.done(counts[0], counts[1], counts[1] > 0 ? rejects.toString() : null);
            record(progress);
            log.info("Import {} of {}: {} persons imported, {} rows rejected{} in {} s", progress.id(), csv,
                    counts[0], counts[1], counts[1] > 0 ? " (see " + rejects + ")" : "", progress.elapsedSeconds());
        } catch (ImportFailed e) {
            progress.failed(e.code(), e.line());
            record(progress);
            deleteQuietly(rejects);
            log.warn("Import {} of {} failed, nothing written: {}", progress.id(), csv, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            progress.failed("import_file_unreadable", 0);
            record(progress);
            deleteQuietly(rejects);
            log.error("Import {} of {} failed, nothing written", progress.id(), csv, e);
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to clean up then
        }
    }

    // ---------------------------------------------------------------- the one transaction

    private long[] load(Path csv, Path rejects, String basis, String actor, ImportProgress progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.execute("""
                create temporary table person_import (
                    line bigint not null, reject text, rn text, civil_id text, clan text, family text, given text,
                    sex text, birth date, birth_place text, citizenship text, address_division text, address_line text,
                    phone text, family_key text, given_key text, clan_key text, spouse text, married date
                ) on commit drop""");
        long staging = System.nanoTime();
        try {
            stage(csv, connection.unwrap(PGConnection.class), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long t0 = System.nanoTime();
        // the checks and inserts sort and hash the whole staging table: give them memory, for this transaction only
        jdbc.execute("set local work_mem = '256MB'");
        progress.phase(ImportProgress.Phase.CHECKING);
        jdbc.execute("analyze person_import");
        // the rows rejected so far, counted as they are rejected (each count would be another pass over the table)
        long rejectedRows = progress.rejected();
        rejectedRows += rejectDuplicates("rn", "duplicate_in_file");
        rejectedRows += rejectDuplicates("civil_id", "civil_id_duplicate_in_file");
        rejectedRows += jdbc.update("""
                update person_import s set reject = 'already_registered' from registry.person p
                where p.register_number = s.rn and s.reject is null""");
        rejectedRows += jdbc.update("""
                update person_import s set reject = 'civil_id_taken' from registry.person p
                where p.civil_id = s.civil_id and s.reject is null""");
        // The spouse checks read the whole file once (each such pass hashes a million rows): a row is kept only if
        // its partner is in the file, not rejected, and names it back with the same date. The rows that fail, usually
        // none, are then told apart from the rows that failed alone (the hash is built from those few, and with none
        // the rest of the table is not read): a partner who names the row back exists, so it was rejected for
        // something else (never for its own spouse: the row names it back); else a partner who does not; else none.
        rejectedRows += jdbc.update("""
                update person_import s set reject = 'spouse_rejected' where s.reject is null and s.spouse is not null
                and not exists (select 1 from person_import o where o.rn = s.spouse and o.spouse = s.rn
                                and o.married = s.married and o.reject is null)""");
        jdbc.update("""
                update person_import s set reject = 'spouse_mismatch' where s.reject = 'spouse_rejected'
                and not exists (select 1 from person_import o where o.rn = s.spouse and o.spouse = s.rn and o.married = s.married)""");
        jdbc.update("""
                update person_import s set reject = 'spouse_not_in_file' where s.reject = 'spouse_mismatch'
                and not exists (select 1 from person_import o where o.rn = s.spouse)""");

        long t1 = System.nanoTime();
        progress.phase(ImportProgress.Phase.WRITING);
        skipRedundantKeyChecks();
        List<String> deferred = deferIndexes(progress.rowsRead() - rejectedRows);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // inserted in the primary key's order, so that its index grows at its right edge. Sorted bytewise: the
        // database's default collation (C.UTF-8 in the embedded one) compares with strcoll, several times slower,
        // and orders these register numbers the same (code points); under another collation runs of the same
        // two letters would still be inserted in order.
        int imported = jdbc.update("""
                insert into registry.person (register_number, civil_id, clan_name, family_name, given_name, sex, birth_date,
                    birth_place, citizenship, address_division, address_line, phone, spouse, family_key, given_key, clan_key,
                    registered_at, updated_at)
                select rn, civil_id, clan, family, given, sex, birth, birth_place, citizenship, address_division,
                    address_line, phone, spouse, family_key, given_key, clan_key, ?, ?
                from person_import where reject is null order by rn collate "C\"""", now, now);
        long t2 = System.nanoTime();
        // One pass over the staging table for both kinds of event: each person gives a BIRTH row and, if married, a
        // MARRIAGE row right after it. A birth's details are built with SQL/JSON's json_object, which leaves out the
        // absent places itself and looks its argument types up once per statement (jsonb_build_object looks them up
        // for every row, and jsonb_strip_nulls then builds each value again: about 1.5 times as slow, same jsonb).
        // A marriage's details are the same for every row: built once (a scalar subquery).
        jdbc.update("""
                insert into registry.civil_event (register_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, other_party, details)
                select s.rn, e.type, e.occurred_on, ?, ?, null, ?, e.other_party, e.details
                from person_import s cross join lateral (values
                    ('BIRTH', s.birth, null, json_object('family_name': s.family, 'given_name': s.given,
                        'birth_place': s.birth_place, 'address_division': s.address_division, 'import': ?::text
                        absent on null returning jsonb)),
                    ('MARRIAGE', s.married, s.spouse, (select jsonb_build_object('import', ?::text)))
                ) e (type, occurred_on, other_party, details)
                where s.reject is null and (e.type = 'BIRTH' or s.spouse is not null)""",
                now, actor, basis, progress.id(), progress.id());
        restoreKeyChecks();
        long t2b = System.nanoTime();
        // each build sorts a whole column: in memory rather than in temporary files (the default is 64 MB)
        jdbc.execute("set local maintenance_work_mem = '512MB'");
        for (String index : deferred) {
            jdbc.execute(index);
        }
        long t3 = System.nanoTime();
        long rejected = rejectedRows == 0 ? 0 : new BulkCsv(dataSource, jdbc).writeRejects("person_import", csv, rejects);
        log.info("Import {}: read, checked and staged {} ms, set-based checks {} ms, persons written {} ms, civil events "
                        + "written {} ms, {} indexes built again {} ms", progress.id(), (t0 - staging) / 1_000_000,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2b - t2) / 1_000_000, deferred.size(), (t3 - t2b) / 1_000_000);
        progress.phase(ImportProgress.Phase.REGISTRIES);
        List<RegistryBulkLoad.BulkLoadResult> others = new ArrayList<>();
        for (RegistryBulkLoad registry : registries.orderedStream()
                .sorted(java.util.Comparator.comparingInt(RegistryBulkLoad::order)).toList()) {
            Path file = registryFileFor(csv, registry.name());
            if (Files.isRegularFile(file)) {
                RegistryBulkLoad.BulkLoadResult result = registry.load(file, rejectsFileFor(file), basis, actor, progress.id());
                others.add(result);
                progress.registry(result);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", progress.fileName());
        details.put("rows", Long.toString(progress.rowsRead()));
        details.put("imported", Integer.toString(imported));
        details.put("rejected", Long.toString(rejected));
        details.put("legal_basis", basis);
        for (RegistryBulkLoad.BulkLoadResult other : others) {
            details.put(other.registry(), other.imported() + " imported, " + other.rejected() + " rejected");
        }
        audit.record(AuditEvent.success("registry.persons.imported", "person_import", progress.id())
                .withActorLogin(actor).withDetails(details));
        return new long[] {imported, rejected};
    }

    /**
     * Marks every not yet rejected row whose {@code column} repeats an earlier line's. Grouped by hashing (no sort of
     * a million strings): only values seen more than once come out, usually none, and then the update reads nothing.
     */
    private int rejectDuplicates(String column, String reason) {
        return jdbc.update("update person_import s set reject = ? from (select " + column + " v, min(line) first from person_import "
                + "where reject is null and " + column + " is not null group by " + column + " having count(*) > 1) d "
                + "where s." + column + " = d.v and s.line > d.first and s.reject is null", reason);
    }

    /**
     * Every row written now was checked against what the foreign keys guard (divisions in Java against the
     * loaded list, spouses within the file, events of the persons just inserted), so the keys' per-row
     * triggers (about 13 million look-ups, each locking the referenced row, for 3 million persons) only
     * repeat those checks. Where the database account may (a superuser, as the embedded database's is),
     * they are skipped for the rest of this transaction; unique keys and check constraints still apply.
     * See docs/adr/0015-bulk-import-skips-redundant-key-triggers-and-defers-indexes.md.
     */
    private void skipRedundantKeyChecks() {
        Boolean superuser = jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class);
        if (Boolean.TRUE.equals(superuser)) {
            jdbc.execute("set local session_replication_role = replica");
        }
    }

    /**
     * For a load at least as large as what the registry already holds (the national load, not a top-up), the
     * indexes of the persons and their events that no key depends on are dropped here and built again after the
     * inserts: one sorted build beats millions of index inserts in random order. That includes the unique ID card
     * number: the set-based checks have already rejected every number repeated in the file or already
     * registered, and building it again checks uniqueness once more (a repeat would fail the import, as an insert
     * into the kept index would have). The primary keys stay (the foreign keys use them; the persons are inserted
     * in their order). The drop locks both tables until commit, so lookups wait for such an import; a smaller
     * import keeps the indexes and locks nothing but the rows it writes. Returns the statements that build the
     * dropped indexes again.
     */
    private List<String> deferIndexes(long staged) {
        Long present = jdbc.queryForObject("select count(*) from registry.person", Long.class);
        if (present == null || staged < Math.max(DEFER_INDEXES_FROM, present)) {
            return List.of();
        }
        String ours = "i.indrelid in ('registry.person'::regclass, 'registry.civil_event'::regclass) and not i.indisprimary";
        List<String> rebuild = new ArrayList<>();
        // plain indexes
        jdbc.query("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i where " + ours
                + " and not i.indisunique order by i.indexrelid", (java.sql.ResultSet rs) -> {
            jdbc.execute("drop index " + rs.getString(1));
            rebuild.add(rs.getString(2));
        });
        // unique constraints that no foreign key references (one that is referenced cannot be dropped)
        jdbc.query("select c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid) "
                + "from pg_constraint c join pg_index i on i.indexrelid = c.conindid where c.contype = 'u' and " + ours
                + " and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid) "
                + "order by c.conindid", (java.sql.ResultSet rs) -> {
            jdbc.execute("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
            rebuild.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
        });
        return rebuild;
    }

    private void restoreKeyChecks() {
        jdbc.execute("set local session_replication_role = origin");
    }

    // ---------------------------------------------------------------- reading and row checks

    private void stage(Path csv, PGConnection pg, ImportProgress progress) throws IOException, SQLException {
        Set<String> divisions = new HashSet<>(jdbc.queryForList("select code from registry.division", String.class));
        LocalDate today = LocalDate.now(clock.withZone(MONGOLIA));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
             PGCopyOutputStream copy = new PGCopyOutputStream(pg, "copy person_import from stdin", 1 << 16);
             Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            Utf8Lines lines = new Utf8Lines(in);
            Map<String, Integer> columns;
            try {
                columns = header(lines.next());
            } catch (Utf8Lines.NotUtf8 e) {
                throw new ImportFailed("import_not_utf8", e.line(), "The file is not UTF-8 (line " + e.line() + ")");
            }
            RowChecker checker = new RowChecker(columns, divisions, today, clock);
            StringBuilder row = new StringBuilder(512);
            long rows = 0;
            long rejected = 0;
            while (true) {
                String line;
                try {
                    line = lines.next();
                } catch (Utf8Lines.NotUtf8 e) {
                    throw new ImportFailed("import_not_utf8", e.line(), "The file is not UTF-8 (line " + e.line() + ")");
                }
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                row.setLength(0);
                if (!checker.check(lines.lineNumber(), line, row)) {
                    rejected++;
                }
                out.append(row);
                if ((rows & 0x3FFF) == 0) {
                    progress.read(lines.bytesRead(), rows, rejected);
                }
            }
            progress.read(lines.bytesRead(), rows, rejected);
        }
    }

    private static Map<String, Integer> header(String line) {
        if (line == null) {
            throw new ImportFailed("import_header_invalid", 1, "The file is empty: a header line is required");
        }
        List<String> names = CsvFields.split(line);
        Map<String, Integer> columns = new HashMap<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(java.util.Locale.ROOT);
                if (!PersonsCsv.COLUMNS.contains(name) || columns.put(name, i) != null) {
                    throw new ImportFailed("import_header_invalid", 1, "Unknown or repeated column: " + name);
                }
            }
        }
        if (names == null || !columns.keySet().containsAll(REQUIRED)) {
            throw new ImportFailed("import_header_invalid", 1, "The header must name at least " + REQUIRED);
        }
        return columns;
    }

    /** Checks one row on its own and appends its COPY line (text format) to {@code out}. */
    private static final class RowChecker {
        private final int[] index = new int[PersonsCsv.COLUMNS.size()];
        private final int width;
        private final Collection<String> divisions;
        private final LocalDate today;
        private final Clock clock;

        RowChecker(Map<String, Integer> columns, Collection<String> divisions, LocalDate today, Clock clock) {
            for (int i = 0; i < index.length; i++) {
                index[i] = columns.getOrDefault(PersonsCsv.COLUMNS.get(i), -1);
            }
            this.width = columns.size();
            this.divisions = divisions;
            this.today = today;
            this.clock = clock;
        }

        boolean check(long lineNumber, String line, StringBuilder out) {
            List<String> f = CsvFields.split(line);
            if (f == null) {
                return reject(lineNumber, "malformed_row", out);
            }
            if (f.size() != width) {
                return reject(lineNumber, "column_count", out);
            }
            String[] v = new String[index.length];
            for (int i = 0; i < index.length; i++) {
                String value = index[i] < 0 ? null : f.get(index[i]).strip();
                v[i] = value == null || value.isEmpty() ? null : value;
            }
            RegisterNumber rn;
            try {
                rn = RegisterNumber.parse(v[0] == null ? "" : v[0], clock);
            } catch (InvalidRegisterNumber e) {
                return reject(lineNumber, "register_number_invalid", out);
            }
            LocalDate birth = date(v[6]);
            if (birth == null) {
                return reject(lineNumber, "birth_date_invalid", out);
            }
            if (birth.isAfter(today)) {
                return reject(lineNumber, "birth_in_future", out);
            }
            if (!birth.equals(rn.birthDate())) {
                return reject(lineNumber, "birth_date_mismatch", out);
            }
            if (v[5] != null && !v[5].equals("MALE") && !v[5].equals("FEMALE")) {
                return reject(lineNumber, "sex_invalid", out);
            }
            if (v[5] != null && !v[5].equals(rn.sex().name())) {
                return reject(lineNumber, "sex_mismatch", out);
            }
            if (!name(v[3], true) || !name(v[4], true) || !name(v[2], false)) {
                return reject(lineNumber, "name_invalid", out);
            }
            if (v[1] != null && !CIVIL_ID.matcher(v[1]).matches()) {
                return reject(lineNumber, "civil_id_invalid", out);
            }
            if (v[11] != null && !PHONE.matcher(v[11]).matches()) {
                return reject(lineNumber, "phone_invalid", out);
            }
            if (v[8] != null && !CITIZENSHIP.matcher(v[8]).matches()) {
                return reject(lineNumber, "citizenship_invalid", out);
            }
            if ((v[7] != null && !divisions.contains(v[7])) || (v[9] != null && !divisions.contains(v[9]))) {
                return reject(lineNumber, "division_unknown", out);
            }
            if (v[10] != null && (v[10].length() > 300 || v[10].chars().anyMatch(Character::isISOControl))) {
                return reject(lineNumber, "address_invalid", out);
            }
            String spouse = null;
            LocalDate married = null;
            if ((v[12] == null) != (v[13] == null)) {
                return reject(lineNumber, "marriage_incomplete", out);
            }
            if (v[12] != null) {
                try {
                    spouse = RegisterNumber.parse(v[12], clock).value();
                } catch (InvalidRegisterNumber e) {
                    return reject(lineNumber, "spouse_invalid", out);
                }
                if (spouse.equals(rn.value())) {
                    return reject(lineNumber, "marriage_to_self", out);
                }
                married = date(v[13]);
                if (married == null) {
                    return reject(lineNumber, "marriage_date_invalid", out);
                }
                if (married.isAfter(today)) {
                    return reject(lineNumber, "marriage_in_future", out);
                }
                if (married.isBefore(birth)) {
                    return reject(lineNumber, "marriage_before_birth", out);
                }
                if (birth.plusYears(CivilRegistry.ADULT_AGE).isAfter(married)) {
                    return reject(lineNumber, "marriage_minor", out);
                }
            }
            out.append(lineNumber).append("\t\\N\t");
            value(out, rn.value()).append('\t');
            value(out, v[1]).append('\t');
            value(out, v[2]).append('\t');
            value(out, v[3]).append('\t');
            value(out, v[4]).append('\t');
            value(out, rn.sex().name()).append('\t');
            out.append(birth).append('\t');
            value(out, v[7]).append('\t');
            value(out, v[8] == null ? "MNG" : v[8]).append('\t');
            value(out, v[9]).append('\t');
            value(out, v[10]).append('\t');
            value(out, v[11]).append('\t');
            value(out, NameKey.of(v[3])).append('\t');
            value(out, NameKey.of(v[4])).append('\t');
            value(out, NameKey.of(v[2])).append('\t');
            value(out, spouse).append('\t');
            value(out, married == null ? null : married.toString()).append('\n');
            return true;
        }

        private static boolean reject(long lineNumber, String reason, StringBuilder out) {
            out.append(lineNumber).append('\t').append(reason)
                    .append("\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n");
            return false;
        }

        private static boolean name(String value, boolean required) {
            return value == null ? !required : NAME.matcher(value).matches();
        }

        private static LocalDate date(String value) {
            if (value == null || value.length() != 10) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** COPY text format (see {@link BulkCsv}). */
        private static StringBuilder value(StringBuilder out, String value) {
            return BulkCsv.value(out, value);
        }
    }
}
