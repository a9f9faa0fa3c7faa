package mn.zasag.registry;

import mn.zasag.registry.internal.CsvFields;
import mn.zasag.registry.internal.Utf8Lines;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;

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
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bulk-load fast path shared by the base registries: a CSV (strict UTF-8, header line, RFC 4180 quoting)
 * is streamed with {@code COPY} into a temporary staging table of text columns (plus a line number, a
 * reject reason and any derived columns), to be checked with set-based statements and inserted with
 * {@code INSERT … SELECT}; afterwards the rejected rows are written, sorted by line with their original
 * text, to a rejects file. Memory does not grow with the file. Must run inside a transaction (the staging
 * table is dropped at commit).
 */
public final class BulkCsv {

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]*$");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public BulkCsv(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Stages {@code csv} into a new temporary table {@code table (line, reject, <columns>, <derived>)}. The
     * header must name every column once, in any order. A malformed row or one with the wrong number of
     * fields is staged with reject {@code malformed_row} / {@code column_count}; other values are stripped,
     * empty ones become null. {@code derive} gets the values in {@code columns} order and returns the
     * {@code derived} values (or null when it cannot: the row is then rejected with {@code derive_failed}).
     *
     * @return the number of rows read
     * @throws ImportFailed {@code import_not_utf8} or {@code import_header_invalid}
     */
    public long stage(Path csv, String table, List<String> columns, List<String> derived,
                      Function<String[], String[]> derive) {
        check(table);
        columns.forEach(BulkCsv::check);
        derived.forEach(BulkCsv::check);
        StringBuilder ddl = new StringBuilder("create temporary table ").append(table)
                .append(" (line bigint not null, reject text");
        columns.forEach(c -> ddl.append(", ").append(c).append(" text"));
        derived.forEach(c -> ddl.append(", ").append(c).append(" text"));
        jdbc.execute(ddl.append(") on commit drop").toString());
        long rows = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
             PGCopyOutputStream copy = new PGCopyOutputStream(
                     DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class),
                     "copy " + table + " from stdin", 1 << 16);
             Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            Utf8Lines lines = new Utf8Lines(in);
            int[] index = header(next(lines), columns);
            int width = columns.size();
            StringBuilder row = new StringBuilder(256);
            String[] values = new String[width];
            String line;
            while ((line = next(lines)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                row.setLength(0);
                row.append(lines.lineNumber()).append('\t');
                List<String> f = CsvFields.split(line);
                String reject = f == null ? "malformed_row" : f.size() != width ? "column_count" : null;
                String[] extra = null;
                if (reject == null) {
                    for (int i = 0; i < width; i++) {
                        String v = f.get(index[i]).strip();
                        values[i] = v.isEmpty() ? null : v;
                    }
                    extra = derived.isEmpty() ? new String[0] : derive.apply(values.clone());
                    if (extra == null) {
                        reject = "derive_failed";
                    }
                }
                value(row, reject);
                for (int i = 0; i < width; i++) {
                    value(row.append('\t'), reject == null ? values[i] : null);
                }
                for (int i = 0; i < derived.size(); i++) {
                    value(row.append('\t'), reject == null ? extra[i] : null);
                }
                out.append(row).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbc.execute("analyze " + table);
        return rows;
    }

    /** Marks with {@code reason} every not yet rejected row whose {@code column} repeats an earlier line's. */
    public void rejectDuplicates(String table, String column, String reason) {
        check(table);
        check(column);
        jdbc.update("update " + table + " s set reject = ? from (select line from (select line, row_number() over "
                + "(partition by " + column + " order by line) n from " + table + " where reject is null and " + column
                + " is not null) d where n > 1) d where s.line = d.line", reason);
    }

    /**
     * Marks with {@code reason} every not yet rejected row matching {@code condition} (SQL over alias {@code s});
     * the condition is evaluated for those rows only, so it may cast values that earlier checks made sure of.
     */
    public int reject(String table, String reason, String condition) {
        check(table);
        return jdbc.update("update " + table + " s set reject = ? where case when s.reject is null then (" + condition
                + ") else false end", reason);
    }

    /**
     * Writes the rejected rows of {@code table} (sorted by line, with their reason and the original text
     * read again from {@code csv}) to {@code rejects}; writes nothing when no row was rejected.
     *
     * @return the number of rejected rows
     */
    public long writeRejects(String table, Path csv, Path rejects) {
        check(table);
        try (RejectsFile out = new RejectsFile(csv, rejects)) {
            Files.deleteIfExists(rejects);
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "select line, reject from " + table + " where reject is not null order by line");
                statement.setFetchSize(10_000);
                return statement;
            }, (RowCallbackHandler) rs -> out.add(rs.getLong(1), rs.getString(2)));
            return out.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String next(Utf8Lines lines) throws IOException {
        try {
            return lines.next();
        } catch (Utf8Lines.NotUtf8 e) {
            throw new ImportFailed("import_not_utf8", e.line(), "The file is not UTF-8 (line " + e.line() + ")");
        }
    }

    private static int[] header(String line, List<String> columns) {
        if (line == null) {
            throw new ImportFailed("import_header_invalid", 1, "The file is empty: a header line is required");
        }
        List<String> names = CsvFields.split(line);
        Map<String, Integer> found = new HashMap<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(Locale.ROOT);
                if (!columns.contains(name) || found.put(name, i) != null) {
                    throw new ImportFailed("import_header_invalid", 1, "Unknown or repeated column: " + name);
                }
            }
        }
        if (names == null || found.size() != columns.size()) {
            throw new ImportFailed("import_header_invalid", 1, "The header must name the columns " + columns);
        }
        int[] index = new int[columns.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = found.get(columns.get(i));
        }
        return index;
    }

    private static void check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + identifier);
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
    static StringBuilder value(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        if (!needsEscape(value)) {
            return out.append(value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
