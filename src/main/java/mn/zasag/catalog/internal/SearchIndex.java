package mn.zasag.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The catalogue's text search, in memory. The catalogue is small (hundreds of services, a few thousand at most) and
 * read far more than it is edited, so every service and its two folded keys ({@link SearchKeys}) are held here as
 * trigram arrays and a search scores them in Java. PostgreSQL's pg_trgm did the same work in the database at about
 * 40 µs per key and row — 10–20 ms of database CPU per search, the bound of the search's throughput.
 *
 * <p>The database stays the source of truth: each search first reads the catalogue's stamp (count, last update and
 * sum of versions of the services; one scan of a small table), and a stamp that differs from the snapshot's rebuilds
 * it. So an admin's edit on any node is searchable at the next search on every node.
 */
@Component
class SearchIndex {

    private static final String STAMP = """
            select count(*) || '/' || coalesce(max(updated_at), 'epoch') || '/' || coalesce(sum(version), 0) from catalog.service
            """;

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot = new Snapshot("", new Trigrams(), List.of());

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Services matching the folded query and filters, best first (then by code). */
    List<ServiceDetail> search(String folded, String agency, String category, String lifeEvent) {
        Snapshot current = current();
        // the dictionary is only written while a snapshot is built, before it is published
        Trigrams.Query query = current.trigrams.query(folded);
        List<Scored> found = new ArrayList<>();
        for (Entry e : current.entries) {
            ServiceDetail s = e.service;
            if (agency != null && !agency.equals(s.agencyCode()) || category != null && !category.equals(s.category())
                    || lifeEvent != null && !lifeEvent.equals(s.lifeEvent())) {
                continue;
            }
            // A part of a word also finds (the trigrams of a short query do not: "  a" is not in "bad"). The exact
            // score is only worked out where it can decide: the text's where the text may match, the names' where
            // they may match or outrank the text's 0.8 share (the rank is the greater of the two).
            boolean textPart = e.textKey.contains(folded);
            double text = query.similarity(e.text, textPart ? 0 : Catalogue.TEXT_THRESHOLD);
            boolean textMatch = textPart || text >= Catalogue.TEXT_THRESHOLD;
            boolean namePart = e.nameKey.contains(folded);
            double nameNeeded = textMatch ? Math.min(Catalogue.NAME_THRESHOLD, 0.8 * text) : Catalogue.NAME_THRESHOLD;
            double name = query.similarity(e.name, namePart ? 0 : nameNeeded);
            if (textMatch || namePart || name >= Catalogue.NAME_THRESHOLD) {
                found.add(new Scored(s, Math.max(name, 0.8 * text)));
            }
        }
        found.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(f -> f.service.code()));
        return found.stream().map(Scored::service).toList();
    }

    private Snapshot current() {
        String stamp = jdbc.sql(STAMP).query(String.class).single();
        Snapshot current = snapshot;
        if (current.stamp.equals(stamp)) {
            return current;
        }
        synchronized (this) {
            if (!snapshot.stamp.equals(stamp)) {
                snapshot = load(stamp);
            }
            return snapshot;
        }
    }

    private Snapshot load(String stamp) {
        Trigrams trigrams = new Trigrams();
        List<Entry> entries = jdbc.sql(Catalogue.SELECT.replace("s.edited_at, s.edited_by", "s.edited_at, s.edited_by, s.name_key, s.text_key")
                        + " order by s.code")
                .query((rs, n) -> {
                    String nameKey = rs.getString("name_key");
                    String textKey = rs.getString("text_key");
                    return new Entry(Catalogue.map(rs, n), nameKey, textKey, trigrams.encode(nameKey), trigrams.encode(textKey));
                }).list();
        return new Snapshot(stamp, trigrams, List.copyOf(entries));
    }

    private record Snapshot(String stamp, Trigrams trigrams, List<Entry> entries) {
    }

    private record Entry(ServiceDetail service, String nameKey, String textKey, int[] name, int[] text) {
    }

    private record Scored(ServiceDetail service, double score) {
    }
}
