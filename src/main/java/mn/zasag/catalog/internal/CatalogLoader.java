package mn.zasag.catalog.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the catalogue's data files at start, before anything else reads them: the files in the repo are the catalogue's
 * source, versioned with the code. Agencies are only added (their names may have been edited since); categories, life
 * events and document kinds are upserted; a service row is written when it is new, when no admin has edited it, or when
 * the file's version of the row is greater than the version the admin's edit was made on (see the header of
 * {@code services.tsv}). A file that breaks a rule (unknown agency, category, document; a duplicate code) stops the start
 * with the file's line, rather than loading half a catalogue.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);
    static final int SERVICE_COLUMNS = 18;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CatalogLoader(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Row a : rows("catalog/agencies.tsv", 3)) {
            jdbc.sql("insert into catalog.agency (code, name_mn, name_en) values (?, ?, ?) on conflict (code) do nothing")
                    .params(a.cell(0), a.cell(1), a.cell(2)).update();
        }
        labels("catalog/categories.tsv", "catalog.category");
        labels("catalog/life-events.tsv", "catalog.life_event");
        for (Row d : rows("catalog/documents.tsv", 3)) {
            jdbc.sql("""
                    insert into catalog.document_kind (code, name_mn, name_en) values (?, ?, ?)
                    on conflict (code) do update set name_mn = excluded.name_mn, name_en = excluded.name_en
                    """).params(d.cell(0), d.cell(1), d.cell(2)).update();
        }
        loadServices("catalog/services.tsv");
    }

    /** Loads one services file by the version rule; the files of labels and agencies must have been loaded. */
    @Transactional
    void loadServices(String path) {
        Map<String, String[]> agencies = new java.util.HashMap<>();
        jdbc.sql("select code, name_mn, name_en from catalog.agency").query(rs -> {
            agencies.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        Set<String> categories = codes("select code from catalog.category");
        Set<String> lifeEvents = codes("select code from catalog.life_event");
        Set<String> documents = codes("select code from catalog.document_kind");
        Set<String> seen = new HashSet<>();
        int written = 0;
        int kept = 0;
        for (Row row : rows(path, SERVICE_COLUMNS)) {
            ServiceRow s = ServiceRow.parse(row);
            row.require(seen.add(s.code()), "duplicate code " + s.code());
            row.require(agencies.containsKey(s.agency()), "unknown agency " + s.agency());
            row.require(categories.contains(s.category()), "unknown category " + s.category());
            row.require(s.lifeEvent() == null || lifeEvents.contains(s.lifeEvent()), "unknown life event " + s.lifeEvent());
            for (String doc : s.documents()) {
                row.require(documents.contains(doc), "unknown document " + doc);
            }
            if (upsert(s, agencies.get(s.agency()))) {
                written++;
            } else {
                kept++;
            }
        }
        log.info("Catalogue {}: {} services written from the file, {} kept as edited by admins", path, written, kept);
    }

    /** Writes the row unless an admin edited the stored one and the file's row is not newer; true when written. */
    private boolean upsert(ServiceRow s, String[] agency) {
        Map<String, Object> stored = jdbc.sql("select version, edited_at, edited_by from catalog.service where code = ? for update")
                .param(s.code()).query().listOfRows().stream().findFirst().orElse(null);
        if (stored != null && stored.get("edited_at") != null && s.version() <= ((Number) stored.get("version")).intValue()) {
            return false;
        }
        jdbc.sql("""
                insert into catalog.service (code, version, agency_code, name_mn, name_en, category, life_event, channels, fee_mnt,
                    days_to_decide, form, documents_required, documents_produced, description_mn, description_en,
                    eligibility_mn, eligibility_en, source, name_key, text_key, edited_at, edited_by, updated_at)
                values (:code, :version, :agency, :nameMn, :nameEn, :category, :lifeEvent, string_to_array(:channels, ','), :fee,
                    :days, :form, string_to_array(:required, ','), string_to_array(:produced, ','), :descriptionMn, :descriptionEn,
                    :eligibilityMn, :eligibilityEn, :source, :nameKey, :textKey, null, null, now())
                on conflict (code) do update set version = excluded.version, agency_code = excluded.agency_code,
                    name_mn = excluded.name_mn, name_en = excluded.name_en, category = excluded.category,
                    life_event = excluded.life_event, channels = excluded.channels, fee_mnt = excluded.fee_mnt,
                    days_to_decide = excluded.days_to_decide, form = excluded.form,
                    documents_required = excluded.documents_required, documents_produced = excluded.documents_produced,
                    description_mn = excluded.description_mn, description_en = excluded.description_en,
                    eligibility_mn = excluded.eligibility_mn, eligibility_en = excluded.eligibility_en, source = excluded.source,
                    name_key = excluded.name_key, text_key = excluded.text_key, edited_at = null, edited_by = null,
                    updated_at = now()
                """)
                .param("code", s.code()).param("version", s.version()).param("agency", s.agency())
                .param("nameMn", s.nameMn()).param("nameEn", s.nameEn()).param("category", s.category())
                .param("lifeEvent", s.lifeEvent()).param("channels", String.join(",", s.channels()))
                .param("fee", s.feeMnt()).param("days", s.daysToDecide()).param("form", s.form())
                .param("required", String.join(",", s.documentsRequired()))
                .param("produced", String.join(",", s.documentsProduced()))
                .param("descriptionMn", s.descriptionMn()).param("descriptionEn", s.descriptionEn())
                .param("eligibilityMn", s.eligibilityMn()).param("eligibilityEn", s.eligibilityEn())
                .param("source", s.source()).param("nameKey", SearchKeys.name(s.nameMn(), s.nameEn()))
                .param("textKey", SearchKeys.text(s.descriptionMn(), s.descriptionEn(), agency[0], agency[1]))
                .update();
        if (stored != null && stored.get("edited_at") != null) {
            audit.record(AuditEvent.success("catalog.service.edit_superseded", "service", s.code())
                    .withDetails(Map.of("version", String.valueOf(s.version()),
                            "edited_by", String.valueOf(stored.get("edited_by")))));
        }
        return true;
    }

    private void labels(String path, String table) {
        int position = 0;
        for (Row l : rows(path, 3)) {
            jdbc.sql("insert into " + table + " (code, name_mn, name_en, position) values (?, ?, ?, ?) "
                            + "on conflict (code) do update set name_mn = excluded.name_mn, name_en = excluded.name_en, position = excluded.position")
                    .params(l.cell(0), l.cell(1), l.cell(2), position++).update();
        }
    }

    private Set<String> codes(String sql) {
        return new HashSet<>(jdbc.sql(sql).query(String.class).list());
    }

    /** One data line of a file, with where it came from for error messages. */
    record Row(String path, int line, String[] cells) {

        String cell(int i) {
            return cells[i];
        }

        void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException(path + " line " + line + ": " + what);
            }
        }
    }

    /** The data lines of a tab-separated file with a header line; comment lines start with {@code #}. */
    static List<Row> rows(String path, int columns) {
        List<Row> rows = new ArrayList<>();
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
                rows.add(new Row(path, lineNo, Arrays.stream(cells).map(String::strip).toArray(String[]::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
