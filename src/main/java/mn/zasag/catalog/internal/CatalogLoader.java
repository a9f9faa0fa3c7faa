package mn.zasag.catalog.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the catalogue's data files (agencies, then services) at start, before anything else reads them: the files
 * in the repo are the catalogue's source, versioned with the code. Agencies are only added (their names may have
 * been edited since); services are upserted from the file.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogLoader implements ApplicationRunner {

    private final JdbcClient jdbc;

    CatalogLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String[] a : rows("catalog/agencies.tsv", 3)) {
            jdbc.sql("insert into catalog.agency (code, name_mn, name_en) values (?, ?, ?) on conflict (code) do nothing")
                    .params(a[0], a[1], a[2]).update();
        }
        for (String[] s : rows("catalog/services.tsv", 11)) {
            jdbc.sql("""
                    insert into catalog.service (code, agency_code, name_mn, name_en, category, life_event, channels, fee_mnt,
                                                 days_to_decide, form, source)
                    values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?)
                    on conflict (code) do update set agency_code = excluded.agency_code, name_mn = excluded.name_mn,
                        name_en = excluded.name_en, category = excluded.category, life_event = excluded.life_event,
                        channels = excluded.channels, fee_mnt = excluded.fee_mnt, days_to_decide = excluded.days_to_decide,
                        form = excluded.form, source = excluded.source, updated_at = now()
                    """)
                    .params(s[0], s[1], s[2], s[3], s[4], blankToNull(s[5]), s[6], Long.parseLong(s[7]), Integer.parseInt(s[8]),
                            blankToNull(s[9]), blankToNull(s[10]))
                    .update();
        }
    }

    /** The data lines of a tab-separated file with a header line; comment lines start with {@code #}. */
    static List<String[]> rows(String path, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean header = true;
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(path + " line " + lineNo + ": " + cells.length + " columns, expected " + columns);
                }
                rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
