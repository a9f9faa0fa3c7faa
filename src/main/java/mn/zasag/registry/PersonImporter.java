package mn.zasag.registry;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.internal.BinaryCopy;
import mn.zasag.registry.internal.CsvFields;
import mn.zasag.registry.internal.NameKey;
import mn.zasag.registry.internal.PersonKeys;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

/**
 * Loads a persons CSV ({@link PersonsCsv}) into the civil registry at national scale.
 *
 * <p><b>How.</b> The file is read twice, as strict UTF-8, line by line (memory does not grow with the
 * file's text, only by about 40 bytes a row, see {@link PersonKeys}). The first pass checks each row on its own
 * in Java (register number, dates, sex, names, identifiers, divisions, marriage date), then against the rows
 * before it and the registry's numbers (read once into memory): a register or ID card number repeated in the
 * file or already registered. A row that passes is written at once into {@code registry.person} with binary
 * {@code COPY}, so the database writes while Java reads. Whether a married person's partner is in the file,
 * not rejected, and names them back with the same date is known only at the end: the few persons whose
 * marriage fails are then removed again. The second pass writes a {@code BIRTH} civil event for each person
 * and a {@code MARRIAGE} event for each married one. One audit entry records the import.
 *
 * <p><b>All or nothing.</b> All of this is one transaction: an import that fails (a file that is not UTF-8,
 * a wrong header, a file changed between the passes, an I/O or database error, a stopped server) leaves
 * nothing written and is simply run again; it is not resumable. Rejected rows do not fail an import: they are
 * listed, sorted by line, with their reason and the original text, in a rejects file next to the input
 * ({@code <file>.rejects.csv}). Only one import runs at a time.
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
    private static final Set<String> REQUIRED = Set.of("register_number", "family_name", "given_name", "birth_date");
    private static final int KEPT = 20;
    /** A running import not recorded for this long is taken as interrupted (its node stopped). */
    private static final java.time.Duration STALE = java.time.Duration.ofSeconds(30);
    /** Below this many rows an import keeps the registry's indexes whatever the registry holds (see deferIndexes). */
    private static final long DEFER_INDEXES_FROM = 100_000;
    /** About the length of a generated row (Cyrillic names are two bytes a letter): to size an import before reading it. */
    private static final long BYTES_PER_ROW = 130;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<RegistryBulkLoad> registries;
    private final TransactionTemplate recording;
    /** Below this many rows (estimated) an import keeps the registry's indexes (see deferIndexes); tests lower it. */
    private volatile long deferIndexesFrom = DEFER_INDEXES_FROM;
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

    /** For tests: the national load's path (keys and indexes dropped and built again) on a small file. */
    void deferIndexesFrom(long rows) {
        this.deferIndexesFrom = rows;
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

    private long[] load(Path csv, Path rejectsFile, String basis, String actor, ImportProgress progress) {
        long t0 = System.nanoTime();
        PGConnection pg;
        try {
            pg = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Object stamp = stamp(csv);
        long expectedRows = Math.max(0, progress.totalBytes()) / BYTES_PER_ROW;
        Registered registered;
        try {
            registered = registered(csv, expectedRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean skipped = skipRedundantKeyChecks();
        Deferred deferred = deferIndexes(expectedRows, registered.count());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> divisions = new HashSet<>(jdbc.queryForList("select code from registry.division", String.class));
        LocalDate today = LocalDate.now(clock.withZone(MONGOLIA));
        PersonKeys keys = new PersonKeys(expectedRows);
        Rejects rejects = new Rejects();
        long accepted;
        try {
            accepted = readAndWritePersons(csv, pg, divisions, today, keys, registered, rejects, now, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long t1 = System.nanoTime();

        progress.phase(ImportProgress.Phase.CHECKING);
        Map<Long, String> marriageRejects = new HashMap<>();
        keys.checkMarriages(marriageRejects::put);
        deletePersons(marriageRejects.keySet());
        long imported = accepted - marriageRejects.size();
        // each build sorts a whole column: in memory rather than in temporary files (the default is 64 MB)
        jdbc.execute("set local maintenance_work_mem = '512MB'");
        deferred.keys().forEach(jdbc::execute);
        long t2 = System.nanoTime();

        progress.phase(ImportProgress.Phase.WRITING);
        Rejects spouseRejects = new Rejects();
        try {
            if (!stamp.equals(stamp(csv))) {
                throw fileChanged(0);
            }
            writeEvents(csv, pg, divisions, today, keys, rejects, marriageRejects, spouseRejects, imported, now, basis, actor,
                    progress.id());
            if (!stamp.equals(stamp(csv))) {
                throw fileChanged(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (skipped) {
            // only a superuser may set it, back as well
            jdbc.execute("set local session_replication_role = origin");
        }
        long t3 = System.nanoTime();
        deferred.indexes().forEach(jdbc::execute);
        long t4 = System.nanoTime();
        long rejected = rejects.size() + spouseRejects.size();
        if (rejected > 0) {
            try (RejectsFile out = new RejectsFile(csv, rejectsFile)) {
                rejects.mergeInto(spouseRejects, out);
            }
        }
        log.info("Import {}: read, checked and wrote {} persons {} ms, marriages checked and {} keys built again {} ms, "
                        + "civil events written {} ms, {} indexes built again {} ms", progress.id(), accepted,
                (t1 - t0) / 1_000_000, deferred.keys().size(),
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, deferred.indexes().size(), (t4 - t3) / 1_000_000);
        // the other registries' set-based checks sort and hash whole staging tables: memory, for this transaction only
        jdbc.execute("set local work_mem = '256MB'");
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
        details.put("imported", Long.toString(imported));
        details.put("rejected", Long.toString(rejected));
        details.put("legal_basis", basis);
        for (RegistryBulkLoad.BulkLoadResult other : others) {
            details.put(other.registry(), other.imported() + " imported, " + other.rejected() + " rejected");
        }
        audit.record(AuditEvent.success("registry.persons.imported", "person_import", progress.id())
                .withActorLogin(actor).withDetails(details));
        return new long[] {imported, rejected};
    }

    /** The register and ID card numbers already in the registry, as {@link PersonKeys} numbers, sorted. */
    private record Registered(long[] persons, long[] civilIds, long count) {

        boolean person(long key) {
            return java.util.Arrays.binarySearch(persons, key) >= 0;
        }

        boolean civilId(long key) {
            return java.util.Arrays.binarySearch(civilIds, key) >= 0;
        }
    }

    /**
     * Reads the registry's numbers once, so that each row is checked against them in memory (8 bytes a number;
     * nothing to read for the national load into an empty registry). A person registered meanwhile by an
     * officer makes the import fail on the primary key, with nothing written, rather than be imported twice.
     */
    private Registered registered(Path csv, long expectedRows) throws IOException {
        Long count = jdbc.queryForObject("select count(*) from registry.person", Long.class);
        int n = Math.toIntExact(count == null ? 0 : count);
        if (expectedRows * 10 < n) {
            return registeredAmong(csv, n);
        }
        long[] persons = new long[n];
        long[] civilIds = new long[n];
        int[] sizes = new int[2];
        if (n > 0) {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select register_number, civil_id from registry.person");
                statement.setFetchSize(50_000);
                return statement;
            }, (java.sql.ResultSet rs) -> {
                if (sizes[0] < n) {
                    persons[sizes[0]++] = PersonKeys.registerKey(rs.getString(1));
                    String civilId = rs.getString(2);
                    if (civilId != null) {
                        civilIds[sizes[1]++] = PersonKeys.civilKey(civilId);
                    }
                }
            });
        }
        long[] p = java.util.Arrays.copyOf(persons, sizes[0]);
        long[] c = java.util.Arrays.copyOf(civilIds, sizes[1]);
        java.util.Arrays.sort(p);
        java.util.Arrays.sort(c);
        return new Registered(p, c, p.length);
    }

    /**
     * For a file much smaller than the registry (a top-up): the registry's numbers that the file's rows have, looked up
     * by index after reading the file once more, instead of reading the whole registry.
     */
    private Registered registeredAmong(Path csv, long present) throws IOException {
        List<String> numbers = new ArrayList<>();
        List<String> civilIds = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            Utf8Lines lines = new Utf8Lines(in);
            Map<String, Integer> columns = header(next(lines));
            int number = columns.get("register_number");
            int civilId = columns.getOrDefault("civil_id", -1);
            String line;
            while ((line = next(lines)) != null) {
                List<String> f = CsvFields.split(line);
                if (f == null || f.size() != columns.size()) {
                    continue;
                }
                try {
                    numbers.add(RegisterNumber.parse(f.get(number), clock).value());
                } catch (InvalidRegisterNumber e) {
                    continue;
                }
                if (civilId >= 0 && RowChecker.digits(f.get(civilId).strip(), 0, 8, 12)) {
                    civilIds.add(f.get(civilId).strip());
                }
            }
        }
        List<long[]> found = jdbc.query(connection -> {
            var statement = connection.prepareStatement("select register_number, civil_id from registry.person "
                    + "where register_number = any(?) union select register_number, civil_id from registry.person "
                    + "where civil_id = any(?)");
            statement.setArray(1, connection.createArrayOf("text", numbers.toArray()));
            statement.setArray(2, connection.createArrayOf("text", civilIds.toArray()));
            return statement;
        }, (rs, i) -> new long[] {PersonKeys.registerKey(rs.getString(1)),
                rs.getString(2) == null ? 0 : PersonKeys.civilKey(rs.getString(2))});
        long[] persons = found.stream().mapToLong(k -> k[0]).sorted().toArray();
        long[] cards = found.stream().mapToLong(k -> k[1]).filter(k -> k != 0).sorted().toArray();
        return new Registered(persons, cards, present);
    }

    /**
     * Every row written now was checked against what the foreign keys guard (divisions in Java against the
     * loaded list, spouses within the file, events of the persons just written), so the keys' per-row
     * triggers (about 13 million look-ups, each locking the referenced row, for 3 million persons) only
     * repeat those checks. Where the database account may (a superuser, as the embedded database's is),
     * they are skipped for the rest of this transaction; unique keys and check constraints still apply.
     * Otherwise the spouse key is checked at commit: a person is written before the file has shown whether
     * their partner is in it, and removed again if not (see {@link #deletePersons}).
     * See docs/adr/0015-bulk-import-skips-redundant-key-triggers-and-defers-indexes.md. Returns whether they are
     * skipped.
     */
    private boolean skipRedundantKeyChecks() {
        Boolean superuser = jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class);
        if (Boolean.TRUE.equals(superuser)) {
            jdbc.execute("set local session_replication_role = replica");
            return true;
        }
        jdbc.execute("set constraints registry.person_spouse_fkey deferred");
        return false;
    }

    /**
     * For a load at least as large as what the registry already holds (the national load, not a top-up), the
     * indexes of the persons and their events are dropped here and built again after the writes: one sorted
     * build beats millions of index inserts in random order (the file is not in register-number order). That
     * includes the persons' primary key (with the foreign keys that reference it, added back after it, which
     * checks every reference once more) and the unique ID card number: every number repeated in the file or
     * already registered has been rejected before a row is written, and building the unique indexes again checks
     * that once more (a repeat would fail the import, as an insert into a kept index would have). Only the
     * events' primary key stays (their ids grow). The drop locks both tables until commit, so lookups wait for
     * such an import; a smaller import keeps the indexes and locks nothing but the rows it writes. The size of
     * the load is estimated from the file's (the rows are not counted yet). Returns the statements that build
     * the dropped keys and indexes again.
     */
    private Deferred deferIndexes(long expectedRows, long present) {
        if (expectedRows < Math.max(deferIndexesFrom, present)) {
            return new Deferred(List.of(), List.of());
        }
        List<String> keys = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        // the foreign keys that use the persons' primary key (the spouse, the events' person and other party)
        jdbc.query("select c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid) from pg_constraint c "
                + "where c.contype = 'f' and c.confrelid = 'registry.person'::regclass order by c.oid", (java.sql.ResultSet rs) -> {
            jdbc.execute("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
            keys.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
        });
        jdbc.query("select quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint "
                + "where contype = 'p' and conrelid = 'registry.person'::regclass", (java.sql.ResultSet rs) -> {
            jdbc.execute("alter table registry.person drop constraint " + rs.getString(1));
            keys.add(0, "alter table registry.person add constraint " + rs.getString(1) + " " + rs.getString(2));
        });
        String ours = "i.indrelid in ('registry.person'::regclass, 'registry.civil_event'::regclass) and not i.indisprimary";
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
        return new Deferred(keys, rebuild);
    }

    /**
     * What {@link #deferIndexes} dropped: the persons' primary key and the foreign keys on it, built again once the
     * persons are written (before their events: so the events' keys check only the events already there), and
     * the other indexes, built again at the end.
     */
    private record Deferred(List<String> keys, List<String> indexes) {
    }

    /**
     * Removes the persons written in the first pass whose marriage the whole file then refused (few, usually
     * none). Nothing else refers to them yet: their events are written afterwards, and a partner naming one of
     * them is refused too (its partner is rejected).
     */
    private void deletePersons(Collection<Long> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // one statement: without the primary key (a national load) each would read the whole table once
        String[] registerNumbers = keys.stream().map(PersonKeys::registerNumber).toArray(String[]::new);
        jdbc.update("delete from registry.person where register_number = any(?)",
                (java.sql.PreparedStatement ps) -> ps.setArray(1, ps.getConnection().createArrayOf("text", registerNumbers)));
    }

    // ---------------------------------------------------------------- the two passes over the file

    private static final String PERSON_COLUMNS = "register_number, civil_id, clan_name, family_name, given_name, sex, "
            + "birth_date, birth_place, citizenship, address_division, address_line, phone, spouse, family_key, given_key, "
            + "clan_key, registered_at, updated_at";
    private static final String EVENT_COLUMNS = "register_number, type, occurred_on, recorded_at, registrar, "
            + "registrar_agency, legal_basis, other_party, details";

    /**
     * The first pass: reads the file once as strict UTF-8, line by line, checks each row on its own and against
     * the rows before it and the registry, and writes each row that passes straight into {@code registry.person}
     * (binary {@code COPY}). Whether a married person's partner is in the file is only known at its end
     * ({@link PersonKeys#checkMarriages}). Returns the number of persons written.
     */
    private long readAndWritePersons(Path csv, PGConnection pg, Set<String> divisions, LocalDate today, PersonKeys keys,
                                     Registered registered, Rejects rejects, OffsetDateTime now, ImportProgress progress)
            throws IOException, SQLException {
        java.time.Instant at = now.toInstant();
        long accepted = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
             BinaryCopy out = new BinaryCopy(new PGCopyOutputStream(pg,
                     "copy registry.person (" + PERSON_COLUMNS + ") from stdin with (format binary)", 1 << 16))) {
            Utf8Lines lines = new Utf8Lines(in);
            RowChecker checker = new RowChecker(header(next(lines)), divisions, today, clock);
            Row row = new Row();
            long rows = 0;
            String line;
            while ((line = next(lines)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                long number = lines.lineNumber();
                String reason = checker.check(line, row);
                if (reason == null) {
                    reason = checkAgainstFileAndRegistry(row, keys, registered);
                }
                if (reason != null) {
                    rejects.add(number, reason);
                } else {
                    out.row(18).text(row.registerNumber).text(row.civilId).text(row.clan).text(row.family).text(row.given)
                            .text(row.sex).date(row.birth).text(row.birthPlace).text(row.citizenship)
                            .text(row.addressDivision).text(row.addressLine).text(row.phone).text(row.spouse)
                            .text(NameKey.of(row.family)).text(NameKey.of(row.given)).text(NameKey.of(row.clan))
                            .timestamp(at).timestamp(at);
                    accepted++;
                }
                if ((rows & 0x3FFF) == 0) {
                    progress.read(lines.bytesRead(), rows, rejects.size());
                }
            }
            progress.read(lines.bytesRead(), rows, rejects.size());
        }
        return accepted;
    }

    /**
     * The checks of a row against the rows before it and the registry, in the order the reasons rank: a
     * register number seen in an earlier row, then an ID card number seen in an earlier row still standing,
     * then a register number or ID card number already registered. The first row with a number keeps it.
     */
    private static String checkAgainstFileAndRegistry(Row row, PersonKeys keys, Registered registered) {
        row.key = PersonKeys.registerKey(row.registerNumber);
        if (!keys.add(row.key, row.spouseKey(), row.marriedDay())) {
            return "duplicate_in_file";
        }
        long civilId = row.civilId == null ? 0 : PersonKeys.civilKey(row.civilId);
        String reason = null;
        if (civilId != 0 && !keys.addCivil(civilId)) {
            reason = "civil_id_duplicate_in_file";
        } else if (registered.person(row.key)) {
            reason = "already_registered";
        } else if (civilId != 0 && registered.civilId(civilId)) {
            reason = "civil_id_taken";
        }
        if (reason != null) {
            keys.state(row.key, PersonKeys.REJECTED);
        }
        return reason;
    }

    /**
     * The second pass: reads the file again and writes a {@code BIRTH} event for each person kept and a
     * {@code MARRIAGE} event for each married one, right after it (binary {@code COPY} into
     * {@code registry.civil_event}); rows whose marriage was refused get their line in {@code spouseRejects}.
     * A row that no longer reads as it did in the first pass means the file was changed meanwhile: the import
     * fails ({@code import_file_changed}) and nothing is written.
     */
    private void writeEvents(Path csv, PGConnection pg, Set<String> divisions, LocalDate today, PersonKeys keys,
                             Rejects rejects, Map<Long, String> marriageRejects, Rejects spouseRejects, long imported,
                             OffsetDateTime now, String basis, String actor, String importId)
            throws IOException, SQLException {
        java.time.Instant at = now.toInstant();
        String marriageDetails = quoted(new StringBuilder("{\"import\": "), importId).append('}').toString();
        long persons = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
             BinaryCopy out = new BinaryCopy(new PGCopyOutputStream(pg,
                     "copy registry.civil_event (" + EVENT_COLUMNS + ") from stdin with (format binary)", 1 << 16))) {
            Utf8Lines lines = new Utf8Lines(in);
            RowChecker checker = new RowChecker(header(next(lines)), divisions, today, clock);
            Row row = new Row();
            Rejects.Cursor rejected = rejects.cursor();
            StringBuilder details = new StringBuilder(256);
            String line;
            while ((line = next(lines)) != null) {
                long number = lines.lineNumber();
                if (line.isBlank() || rejected.skip(number)) {
                    continue;
                }
                if (!checker.reread(line, row)) {
                    throw fileChanged(number);
                }
                String refused = marriageRejects.get(row.key);
                if (refused != null) {
                    spouseRejects.add(number, refused);
                    continue;
                }
                if (!keys.accepted(row.key, row.spouseKey(), row.marriedDay())) {
                    throw fileChanged(number);
                }
                persons++;
                details.setLength(0);
                quoted(details.append("{\"family_name\": "), row.family);
                quoted(details.append(", \"given_name\": "), row.given);
                if (row.birthPlace != null) {
                    quoted(details.append(", \"birth_place\": "), row.birthPlace);
                }
                if (row.addressDivision != null) {
                    quoted(details.append(", \"address_division\": "), row.addressDivision);
                }
                quoted(details.append(", \"import\": "), importId).append('}');
                out.row(9).text(row.registerNumber).text("BIRTH").date(row.birth).timestamp(at).text(actor).nul()
                        .text(basis).nul().jsonb(details.toString());
                if (row.spouse != null) {
                    out.row(9).text(row.registerNumber).text("MARRIAGE").date(row.married).timestamp(at).text(actor).nul()
                            .text(basis).text(row.spouse).jsonb(marriageDetails);
                }
            }
        }
        if (persons != imported) {
            throw fileChanged(0);
        }
    }

    /**
     * An ISO date {@code yyyy-MM-dd}, or null: as {@code LocalDate.parse} reads a value of this length (day of month
     * checked, February 30th refused), at a fraction of its cost.
     */
    static LocalDate date(String value) {
        if (value == null || value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 7);
        int day = number(value, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int number(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The file's size and time of last change: the two passes must read the same file. */
    private static Object stamp(Path csv) {
        try {
            return List.of(Files.size(csv), Files.getLastModifiedTime(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportFailed fileChanged(long line) {
        return new ImportFailed("import_file_changed", line, "The file changed while it was imported");
    }

    private static String next(Utf8Lines lines) throws IOException {
        try {
            return lines.next();
        } catch (Utf8Lines.NotUtf8 e) {
            throw new ImportFailed("import_not_utf8", e.line(), "The file is not UTF-8 (line " + e.line() + ")");
        }
    }

    /** Appends {@code value} as a JSON string literal, escaped by Jackson. */
    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        tools.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }

    /** Rejected rows as line numbers in increasing order, each with the index of its reason. */
    private static final class Rejects {
        private long[] lines = new long[64];
        private byte[] reasons = new byte[64];
        private int size;

        void add(long line, String reason) {
            int index = REJECT_REASONS.indexOf(reason);
            if (index < 0) {
                throw new IllegalArgumentException(reason);
            }
            if (size == lines.length) {
                lines = java.util.Arrays.copyOf(lines, size * 2);
                reasons = java.util.Arrays.copyOf(reasons, size * 2);
            }
            lines[size] = line;
            reasons[size++] = (byte) index;
        }

        int size() {
            return size;
        }

        /** Walks the lines in order, for a second pass over the file. */
        final class Cursor {
            private int next;

            /** Whether {@code line}, the next line read, is a rejected one. */
            boolean skip(long line) {
                while (next < size && lines[next] < line) {
                    next++;
                }
                return next < size && lines[next] == line;
            }
        }

        Cursor cursor() {
            return new Cursor();
        }

        /** Adds these rows and {@code other}'s to {@code out}, together in line order. */
        void mergeInto(Rejects other, RejectsFile out) {
            int i = 0;
            int j = 0;
            while (i < size || j < other.size) {
                if (j == other.size || (i < size && lines[i] < other.lines[j])) {
                    out.add(lines[i], REJECT_REASONS.get(reasons[i++]));
                } else {
                    out.add(other.lines[j], REJECT_REASONS.get(other.reasons[j++]));
                }
            }
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

    /** The values of one row, as checked (reused from row to row). */
    private static final class Row {
        String registerNumber;
        long key;
        String civilId;
        String clan;
        String family;
        String given;
        String sex;
        LocalDate birth;
        String birthPlace;
        String citizenship;
        String addressDivision;
        String addressLine;
        String phone;
        String spouse;
        LocalDate married;

        /** The spouse as {@link PersonKeys} keeps them: 0 for none. */
        long spouseKey() {
            return spouse == null ? 0 : PersonKeys.registerKey(spouse);
        }

        int marriedDay() {
            return married == null ? 0 : (int) married.toEpochDay();
        }
    }

    /** Checks one row on its own: fills {@code row} and returns null, or returns the reason it is rejected. */
    private static final class RowChecker {
        private final int[] index = new int[PersonsCsv.COLUMNS.size()];
        private final int width;
        private final Collection<String> divisions;
        private final LocalDate today;
        private final Clock clock;
        private final String[] v = new String[PersonsCsv.COLUMNS.size()];

        RowChecker(Map<String, Integer> columns, Collection<String> divisions, LocalDate today, Clock clock) {
            for (int i = 0; i < index.length; i++) {
                index[i] = columns.getOrDefault(PersonsCsv.COLUMNS.get(i), -1);
            }
            this.width = columns.size();
            this.divisions = divisions;
            this.today = today;
            this.clock = clock;
        }

        String check(String line, Row row) {
            List<String> f = CsvFields.split(line);
            if (f == null) {
                return "malformed_row";
            }
            if (f.size() != width) {
                return "column_count";
            }
            for (int i = 0; i < index.length; i++) {
                String value = index[i] < 0 ? null : f.get(index[i]).strip();
                v[i] = value == null || value.isEmpty() ? null : value;
            }
            RegisterNumber rn;
            try {
                rn = RegisterNumber.parse(v[0] == null ? "" : v[0], clock);
            } catch (InvalidRegisterNumber e) {
                return "register_number_invalid";
            }
            LocalDate birth = date(v[6]);
            if (birth == null) {
                return "birth_date_invalid";
            }
            if (birth.isAfter(today)) {
                return "birth_in_future";
            }
            if (!birth.equals(rn.birthDate())) {
                return "birth_date_mismatch";
            }
            if (v[5] != null && !v[5].equals("MALE") && !v[5].equals("FEMALE")) {
                return "sex_invalid";
            }
            if (v[5] != null && !v[5].equals(rn.sex().name())) {
                return "sex_mismatch";
            }
            if (!name(v[3], true) || !name(v[4], true) || !name(v[2], false)) {
                return "name_invalid";
            }
            if (v[1] != null && !digits(v[1], 0, 8, 12)) {
                return "civil_id_invalid";
            }
            if (v[11] != null && !digits(v[11], v[11].startsWith("+") ? 1 : 0, 6, 15)) {
                return "phone_invalid";
            }
            if (v[8] != null && !country(v[8])) {
                return "citizenship_invalid";
            }
            if ((v[7] != null && !divisions.contains(v[7])) || (v[9] != null && !divisions.contains(v[9]))) {
                return "division_unknown";
            }
            if (v[10] != null && (v[10].length() > 300 || hasControl(v[10]))) {
                return "address_invalid";
            }
            String spouse = null;
            LocalDate married = null;
            if ((v[12] == null) != (v[13] == null)) {
                return "marriage_incomplete";
            }
            if (v[12] != null) {
                try {
                    spouse = RegisterNumber.parse(v[12], clock).value();
                } catch (InvalidRegisterNumber e) {
                    return "spouse_invalid";
                }
                if (spouse.equals(rn.value())) {
                    return "marriage_to_self";
                }
                married = date(v[13]);
                if (married == null) {
                    return "marriage_date_invalid";
                }
                if (married.isAfter(today)) {
                    return "marriage_in_future";
                }
                if (married.isBefore(birth)) {
                    return "marriage_before_birth";
                }
                if (birth.plusYears(CivilRegistry.ADULT_AGE).isAfter(married)) {
                    return "marriage_minor";
                }
            }
            row.registerNumber = rn.value();
            row.civilId = v[1];
            row.clan = v[2];
            row.family = v[3];
            row.given = v[4];
            row.sex = rn.sex().name();
            row.birth = birth;
            row.birthPlace = v[7];
            row.citizenship = v[8] == null ? "MNG" : v[8];
            row.addressDivision = v[9];
            row.addressLine = v[10];
            row.phone = v[11];
            row.spouse = spouse;
            row.married = married;
            return null;
        }

        /**
         * Reads again a row that passed {@link #check} in the first pass, for its events: only the values they need,
         * without the checks. False if it no longer reads (the file changed).
         */
        boolean reread(String line, Row row) {
            List<String> f = CsvFields.split(line);
            if (f == null || f.size() != width) {
                return false;
            }
            try {
                row.registerNumber = RegisterNumber.parse(value(f, 0), clock).value();
                row.key = PersonKeys.registerKey(row.registerNumber);
                row.family = value(f, 3);
                row.given = value(f, 4);
                row.birth = date(value(f, 6));
                row.birthPlace = value(f, 7);
                row.addressDivision = value(f, 9);
                String spouse = value(f, 12);
                row.spouse = spouse == null ? null : RegisterNumber.parse(spouse, clock).value();
                row.married = date(value(f, 13));
            } catch (InvalidRegisterNumber e) {
                return false;
            }
            return row.family != null && row.given != null && row.birth != null;
        }

        private String value(List<String> fields, int column) {
            if (index[column] < 0) {
                return null;
            }
            String value = fields.get(index[column]).strip();
            return value.isEmpty() ? null : value;
        }

        // The checks below are written out rather than regular expressions: they run on every row of millions.

        /** {@code ^[\p{L}][\p{L} .'-]{0,99}$}: a letter, then at most 99 letters, spaces, dots, apostrophes, hyphens. */
        private static boolean name(String value, boolean required) {
            if (value == null) {
                return !required;
            }
            int count = 0;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                if (!Character.isLetter(c) && (count == 0 || (c != ' ' && c != '.' && c != '\'' && c != '-'))) {
                    return false;
                }
                count++;
                i += Character.charCount(c);
            }
            return count >= 1 && count <= 100;
        }

        /** From {@code start}: between {@code min} and {@code max} ASCII digits and nothing else. */
        static boolean digits(String value, int start, int min, int max) {
            int length = value.length() - start;
            if (length < min || length > max) {
                return false;
            }
            for (int i = start; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** {@code ^[A-Z]{3}$}. */
        private static boolean country(String value) {
            return value.length() == 3 && isCapital(value.charAt(0)) && isCapital(value.charAt(1)) && isCapital(value.charAt(2));
        }

        private static boolean isCapital(char c) {
            return c >= 'A' && c <= 'Z';
        }

        private static boolean hasControl(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
