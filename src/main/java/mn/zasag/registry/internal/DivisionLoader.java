package mn.zasag.registry.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings {@code registry.division} in line with {@code registry/divisions.csv} on every start, before
 * anything else runs: a corrected name in the file reaches every installation without a migration.
 * Divisions are only added or renamed here, never removed (persons refer to them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DivisionLoader implements ApplicationRunner {

    static final String FILE = "registry/divisions.csv";
    private static final Logger log = LoggerFactory.getLogger(DivisionLoader.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DivisionLoader(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Object[]> rows = read();
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                insert into registry.division (code, parent_code, level, name_mn, name_en) values (?, ?, ?, ?, ?)
                on conflict (code) do update set parent_code = excluded.parent_code, level = excluded.level,
                    name_mn = excluded.name_mn, name_en = excluded.name_en
                where (division.parent_code, division.level, division.name_mn, division.name_en)
                    is distinct from (excluded.parent_code, excluded.level, excluded.name_mn, excluded.name_en)""", rows));
        log.debug("{} administrative divisions checked against {}", rows.size(), FILE);
    }

    /** Parents come before their children in the file, so inserting in file order satisfies the foreign key. */
    static List<Object[]> read() {
        List<Object[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 5) {
                    throw new IllegalStateException(FILE + ": expected 5 columns in «" + line + "»");
                }
                rows.add(new Object[]{f[0], f[1].isEmpty() ? null : f[1], f[2], f[3], f[4]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
