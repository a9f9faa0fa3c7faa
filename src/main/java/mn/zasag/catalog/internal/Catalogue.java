package mn.zasag.catalog.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.ServiceNotFound;
import mn.zasag.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue as the public pages, the API and the admin pages use it: search and browse, one service in full, the
 * labels to browse by, and admins' edits.
 *
 * <p>Search folds the query and every service's texts to one Latin key ({@link Transliteration}) and compares them by
 * trigram word similarity ({@link Trigrams}, in memory: {@link SearchIndex}): a service matches when the query is a part
 * of its names or texts, or is similar enough to some stretch of them (typos cost a few trigrams, not the match). Names
 * weigh more than descriptions. A browse without text is a plain query, ordered by Mongolian name.
 */
@Service
public class Catalogue {

    /** How similar the query must be to some stretch of the names, or of the other texts (0..1; tuned on the real data). */
    static final double NAME_THRESHOLD = 0.5;
    static final double TEXT_THRESHOLD = 0.6;

    static final String SELECT = """
            select s.code, s.version, s.agency_code, a.name_mn as agency_mn, a.name_en as agency_en, s.name_mn, s.name_en,
                   s.category, s.life_event, s.channels, s.fee_mnt, s.days_to_decide, s.form, s.documents_required,
                   s.documents_produced, s.description_mn, s.description_en, s.eligibility_mn, s.eligibility_en, s.source,
                   s.edited_at, s.edited_by
            from catalog.service s join catalog.agency a on a.code = s.agency_code
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SearchIndex index;

    Catalogue(JdbcClient jdbc, AuditTrail audit, SearchIndex index) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.index = index;
    }

    public Optional<ServiceDetail> find(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where s.code = :code").param("code", code).query(Catalogue::map).optional();
    }

    /** Every service, or an agency's, by code. */
    public List<ServiceDetail> list(String agency) {
        return jdbc.sql(SELECT + " where cast(:agency as text) is null or s.agency_code = :agency order by s.code")
                .param("agency", agency).query(Catalogue::map).list();
    }

    public ServiceDetail get(String code) {
        return find(code).orElseThrow(() -> new ServiceNotFound(code));
    }

    public SearchResult search(SearchQuery query) {
        if (query.text() != null && query.text().length() > SearchQuery.MAX_TEXT) {
            throw CatalogueProblem.badParameter("catalog_query_too_long", "The query has more than " + SearchQuery.MAX_TEXT + " characters");
        }
        if (query.page() < 1 || query.page() > SearchQuery.MAX_PAGE) {
            throw CatalogueProblem.badParameter("catalog_page_invalid", "page must be between 1 and " + SearchQuery.MAX_PAGE);
        }
        if (query.size() < 1 || query.size() > SearchQuery.MAX_SIZE) {
            throw CatalogueProblem.badParameter("catalog_page_size_invalid", "size must be between 1 and " + SearchQuery.MAX_SIZE);
        }
        requireKnown("agency", query.agency(), "select count(*) from catalog.agency where code = :c");
        requireKnown("category", query.category(), "select count(*) from catalog.category where code = :c");
        requireKnown("lifeEvent", query.lifeEvent(), "select count(*) from catalog.life_event where code = :c");
        String folded = query.text() == null ? "" : Transliteration.fold(query.text());
        int offset = (query.page() - 1) * query.size();
        if (!folded.isEmpty()) {
            List<ServiceDetail> found = index.search(folded, query.agency(), query.category(), query.lifeEvent());
            return new SearchResult(found.subList(Math.min(offset, found.size()), Math.min(offset + query.size(), found.size())),
                    found.size(), query.page(), query.size());
        }
        // a browse, by Mongolian name
        String sql = SELECT + """
                where (cast(:agency as text) is null or s.agency_code = :agency)
                  and (cast(:category as text) is null or s.category = :category)
                  and (cast(:lifeEvent as text) is null or s.life_event = :lifeEvent)
                order by s.name_mn collate "mn-x-icu", s.code
                """;
        long[] total = {0};
        List<ServiceDetail> page = jdbc.sql(sql.replace("s.edited_at, s.edited_by", "s.edited_at, s.edited_by, count(*) over () as total")
                        + " limit :limit offset :offset")
                .param("agency", query.agency()).param("category", query.category()).param("lifeEvent", query.lifeEvent())
                .param("limit", query.size()).param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return map(rs, n);
                }).list();
        if (page.isEmpty() && query.page() > 1) {
            total[0] = jdbc.sql("select count(*) from (" + sql + ") found")
                    .param("agency", query.agency()).param("category", query.category()).param("lifeEvent", query.lifeEvent())
                    .query(Long.class).single();
        }
        return new SearchResult(page, total[0], query.page(), query.size());
    }

    private void requireKnown(String parameter, String value, String sql) {
        if (value != null && (value.length() > 40
                || jdbc.sql(sql).param("c", value).query(Long.class).single() == 0)) {
            throw CatalogueProblem.unknownFilter(parameter, value);
        }
    }

    /** The categories in their file's order, each with its number of services. */
    public List<Label> categories() {
        return labels("catalog.category", "category");
    }

    /** The life events in their file's order, each with its number of services. */
    public List<Label> lifeEvents() {
        return labels("catalog.life_event", "life_event");
    }

    private List<Label> labels(String table, String column) {
        return jdbc.sql("select l.code, l.name_mn, l.name_en, count(s.code) from " + table + " l left join catalog.service s on s."
                        + column + " = l.code group by l.code, l.name_mn, l.name_en, l.position order by l.position")
                .query((rs, n) -> new Label(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** The agencies that offer at least one service, in Mongolian alphabetical order, with their number of services. */
    public List<Label> agencies() {
        return jdbc.sql("""
                        select a.code, a.name_mn, a.name_en, count(*) from catalog.agency a join catalog.service s on s.agency_code = a.code
                        group by a.code, a.name_mn, a.name_en order by a.name_mn collate "mn-x-icu"
                        """)
                .query((rs, n) -> new Label(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** Every document kind, by code. */
    public Map<String, Label> documentKinds() {
        Map<String, Label> kinds = new LinkedHashMap<>();
        jdbc.sql("select code, name_mn, name_en from catalog.document_kind order by code")
                .query((rs, n) -> new Label(rs.getString(1), rs.getString(2), rs.getString(3), 0))
                .list().forEach(l -> kinds.put(l.code(), l));
        return kinds;
    }

    public long count() {
        return jdbc.sql("select count(*) from catalog.service").query(Long.class).single();
    }

    /** The service an admin may edit: any for platform admins (no agency), their agency's for agency admins; else 403. */
    public ServiceDetail editable(String code, Actor actor) {
        ServiceDetail service = get(code);
        if (actor == null || actor.agencyCode() != null && !actor.agencyCode().equals(service.agencyCode())) {
            throw CatalogueProblem.notYourAgency(code);
        }
        return service;
    }

    /** {@link #editable} for a save: the refusal is audited (and kept: no rollback for it). */
    @Transactional(noRollbackFor = CatalogueProblem.class)
    public ServiceDetail editableForSave(String code, Actor actor) {
        ServiceDetail service = get(code);
        requireEditor(service, actor);
        return service;
    }

    private void requireEditor(ServiceDetail service, Actor actor) {
        if (actor == null || actor.agencyCode() != null && !actor.agencyCode().equals(service.agencyCode())) {
            audit.record(new AuditEvent("catalog.service.update.denied", AuditEvent.Outcome.DENIED, "service", service.code(), null,
                    Map.of("agency", actor == null || actor.agencyCode() == null ? "" : actor.agencyCode())));
            throw CatalogueProblem.notYourAgency(service.code());
        }
    }

    /**
     * An admin's edit of a service: platform admins (no agency) edit any, an agency's admins only their agency's. The
     * refusal is audited and kept (no rollback for it); a successful edit is audited with the fields changed.
     */
    @Transactional(noRollbackFor = CatalogueProblem.class)
    public ServiceDetail update(String code, ServiceEdit edit, Actor actor) {
        ServiceDetail before = get(code);
        requireEditor(before, actor);
        validate(edit);
        jdbc.sql("""
                        update catalog.service set name_mn = :nameMn, name_en = :nameEn, description_mn = :descriptionMn,
                            description_en = :descriptionEn, eligibility_mn = :eligibilityMn, eligibility_en = :eligibilityEn,
                            category = :category, life_event = :lifeEvent, channels = string_to_array(:channels, ','),
                            fee_mnt = :fee, days_to_decide = :days, documents_required = string_to_array(:required, ','),
                            documents_produced = string_to_array(:produced, ','), name_key = :nameKey, text_key = :textKey,
                            edited_at = now(), edited_by = :by, updated_at = now()
                        where code = :code
                        """)
                .param("nameMn", edit.nameMn()).param("nameEn", edit.nameEn())
                .param("descriptionMn", edit.descriptionMn()).param("descriptionEn", edit.descriptionEn())
                .param("eligibilityMn", nullToEmpty(edit.eligibilityMn())).param("eligibilityEn", nullToEmpty(edit.eligibilityEn()))
                .param("category", edit.category()).param("lifeEvent", edit.lifeEvent())
                .param("channels", String.join(",", edit.channels())).param("fee", edit.feeMnt()).param("days", edit.daysToDecide())
                .param("required", String.join(",", edit.documentsRequired()))
                .param("produced", String.join(",", edit.documentsProduced()))
                .param("nameKey", SearchKeys.name(edit.nameMn(), edit.nameEn()))
                .param("textKey", SearchKeys.text(edit.descriptionMn(), edit.descriptionEn(), before.agencyNameMn(), before.agencyNameEn()))
                .param("by", actor.login()).param("code", code)
                .update();
        ServiceDetail after = get(code);
        audit.record(AuditEvent.success("catalog.service.updated", "service", code)
                .withDetails(Map.of("changed", String.join(",", changes(before, after)))));
        return after;
    }

    private void validate(ServiceEdit edit) {
        if (edit.nameMn() == null || edit.nameMn().isBlank()) {
            throw CatalogueProblem.invalidEdit("nameMn");
        }
        if (edit.nameEn() == null || edit.nameEn().isBlank()) {
            throw CatalogueProblem.invalidEdit("nameEn");
        }
        if (edit.category() == null || jdbc.sql("select count(*) from catalog.category where code = :c").param("c", edit.category())
                .query(Long.class).single() == 0) {
            throw CatalogueProblem.invalidEdit("category");
        }
        if (edit.lifeEvent() != null && jdbc.sql("select count(*) from catalog.life_event where code = :c").param("c", edit.lifeEvent())
                .query(Long.class).single() == 0) {
            throw CatalogueProblem.invalidEdit("lifeEvent");
        }
        if (edit.channels().isEmpty() || !ServiceRow.CHANNELS.containsAll(edit.channels())) {
            throw CatalogueProblem.invalidEdit("channels");
        }
        Map<String, Label> kinds = documentKinds();
        if (!kinds.keySet().containsAll(edit.documentsRequired())) {
            throw CatalogueProblem.invalidEdit("documentsRequired");
        }
        if (!kinds.keySet().containsAll(edit.documentsProduced())) {
            throw CatalogueProblem.invalidEdit("documentsProduced");
        }
        if (edit.feeMnt() != null && edit.feeMnt() < 0) {
            throw CatalogueProblem.invalidEdit("feeMnt");
        }
        if (edit.daysToDecide() != null && (edit.daysToDecide() < 0 || edit.daysToDecide() > 365)) {
            throw CatalogueProblem.invalidEdit("daysToDecide");
        }
    }

    private static List<String> changes(ServiceDetail a, ServiceDetail b) {
        List<String> changed = new ArrayList<>();
        check(changed, "name_mn", a.nameMn(), b.nameMn());
        check(changed, "name_en", a.nameEn(), b.nameEn());
        check(changed, "description_mn", a.descriptionMn(), b.descriptionMn());
        check(changed, "description_en", a.descriptionEn(), b.descriptionEn());
        check(changed, "eligibility_mn", a.eligibilityMn(), b.eligibilityMn());
        check(changed, "eligibility_en", a.eligibilityEn(), b.eligibilityEn());
        check(changed, "category", a.category(), b.category());
        check(changed, "life_event", a.lifeEvent(), b.lifeEvent());
        check(changed, "channels", a.channels(), b.channels());
        check(changed, "fee_mnt", a.feeMnt(), b.feeMnt());
        check(changed, "days_to_decide", a.daysToDecide(), b.daysToDecide());
        check(changed, "documents_required", a.documentsRequired(), b.documentsRequired());
        check(changed, "documents_produced", a.documentsProduced(), b.documentsProduced());
        return changed;
    }

    private static void check(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    static ServiceDetail map(ResultSet rs, int n) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        long fee = rs.getLong("fee_mnt");
        Long feeMnt = rs.wasNull() ? null : fee;
        int days = rs.getInt("days_to_decide");
        Integer daysToDecide = rs.wasNull() ? null : days;
        return new ServiceDetail(rs.getString("code"), rs.getInt("version"), rs.getString("agency_code"), rs.getString("agency_mn"),
                rs.getString("agency_en"), rs.getString("name_mn"), rs.getString("name_en"), rs.getString("category"),
                rs.getString("life_event"), strings(rs.getArray("channels")), feeMnt, daysToDecide, rs.getString("form"),
                strings(rs.getArray("documents_required")), strings(rs.getArray("documents_produced")),
                rs.getString("description_mn"), rs.getString("description_en"), rs.getString("eligibility_mn"),
                rs.getString("eligibility_en"), rs.getString("source"), edited == null ? null : edited.toInstant(),
                rs.getString("edited_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
