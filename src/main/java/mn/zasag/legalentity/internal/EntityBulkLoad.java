package mn.zasag.legalentity.internal;

import mn.zasag.legalentity.EntitiesCsv;
import mn.zasag.registry.BulkCsv;
import mn.zasag.registry.RegistryBulkLoad;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Loads {@code <stem>.entities.csv} ({@link EntitiesCsv}) with a bulk import of persons: staged with
 * {@code COPY}, checked set-based (number and name rules as for one registration, founders and directors
 * registered persons — including those just imported — founders' shares summing to 1, live names unique),
 * then inserted with the founders, directors and a {@code REGISTRATION} change (and a {@code LIQUIDATION}
 * for liquidated ones) per entity.
 */
@Component
class EntityBulkLoad implements RegistryBulkLoad {

    /** Reasons a row is rejected for (besides BulkCsv's malformed_row, column_count). */
    static final List<String> REASONS = List.of("number_invalid", "name_invalid", "legal_form_unknown", "status_invalid",
            "date_invalid", "liquidation_invalid", "division_unknown", "address_invalid", "founders_invalid",
            "shares_not_whole", "founder_not_registered", "directors_invalid", "director_not_registered",
            "duplicate_in_file", "already_registered", "name_duplicate_in_file", "name_taken");
    private static final String RN = "'^[А-ЯЁӨҮ]{2}[0-9]{8}$'";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EntityBulkLoad(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public BulkLoadResult load(Path csv, Path rejects, String legalBasis, String actor, String importId) {
        BulkCsv bulk = new BulkCsv(dataSource, jdbc);
        String t = "entity_import";
        long rows = bulk.stage(csv, t, EntitiesCsv.COLUMNS, List.of("name_key", "name_words"),
                v -> new String[] {NameFold.key(v[1]), NameFold.words(v[1]) + NameFold.words(v[2])});
        bulk.reject(t, "number_invalid", "registration_number is null or registration_number !~ '^[0-9]{7}$'");
        bulk.reject(t, "name_invalid", "name_mn is null or length(name_mn) > 200 or length(name_en) > 200 or name_key = ''");
        bulk.reject(t, "legal_form_unknown", "not exists (select 1 from legalentity.legal_form f where f.code = s.legal_form)");
        bulk.reject(t, "status_invalid", "status is null or status not in ('ACTIVE', 'SUSPENDED', 'LIQUIDATED')");
        bulk.reject(t, "date_invalid", "registered_on is null or not pg_input_is_valid(registered_on, 'date') "
                + "or (liquidated_on is not null and not pg_input_is_valid(liquidated_on, 'date'))");
        bulk.reject(t, "liquidation_invalid", "(status = 'LIQUIDATED') <> (liquidated_on is not null) "
                + "or liquidated_on::date < registered_on::date or registered_on::date > current_date "
                + "or liquidated_on::date > current_date");
        bulk.reject(t, "division_unknown", "address_division is null "
                + "or not exists (select 1 from registry.division d where d.code = s.address_division)");
        bulk.reject(t, "address_invalid", "length(address_line) > 300");
        jdbc.execute("""
                create temporary table entity_founder_import on commit drop as
                select s.line, f.ord::int as position, split_part(f.item, ':', 1) as id, split_part(f.item, ':', 2) as share
                from entity_import s, regexp_split_to_table(s.founders, ';') with ordinality f(item, ord)
                where s.reject is null""");
        jdbc.execute("""
                create temporary table entity_director_import on commit drop as
                select distinct s.line, d.person from entity_import s, regexp_split_to_table(s.directors, ';') d(person)
                where s.reject is null""");
        // the checks below look the founders and directors up per staged row: index them by line
        jdbc.execute("create index on entity_founder_import (line)");
        jdbc.execute("create index on entity_director_import (line)");
        jdbc.execute("analyze entity_founder_import");
        jdbc.execute("analyze entity_director_import");
        bulk.reject(t, "founders_invalid", "founders is null or exists (select 1 from entity_founder_import f "
                + "where f.line = s.line and (not (f.id ~ " + RN + " or f.id ~ '^[0-9]{7}$') "
                + "or case when pg_input_is_valid(f.share, 'numeric(9,6)') then f.share::numeric <= 0 or f.share::numeric > 1 "
                + "else true end))");
        bulk.reject(t, "founders_invalid", "(select count(*) <> count(distinct f.id) from entity_founder_import f "
                + "where f.line = s.line)");
        bulk.reject(t, "shares_not_whole", "(select sum(f.share::numeric) from entity_founder_import f where f.line = s.line) <> 1");
        bulk.reject(t, "founder_not_registered", "exists (select 1 from entity_founder_import f where f.line = s.line and ("
                + "(f.id ~ " + RN + " and not exists (select 1 from registry.person p where p.register_number = f.id)) or "
                + "(f.id ~ '^[0-9]{7}$' and not exists (select 1 from legalentity.entity e where e.registration_number = f.id "
                + "and e.status <> 'LIQUIDATED'))))");
        bulk.reject(t, "directors_invalid", "directors is null or exists (select 1 from entity_director_import d "
                + "where d.line = s.line and d.person !~ " + RN + ")");
        bulk.reject(t, "director_not_registered", "exists (select 1 from entity_director_import d where d.line = s.line "
                + "and not exists (select 1 from registry.person p where p.register_number = d.person))");
        bulk.rejectDuplicates(t, "registration_number", "duplicate_in_file");
        bulk.reject(t, "already_registered", "exists (select 1 from legalentity.entity e "
                + "where e.registration_number = s.registration_number)");
        jdbc.update("""
                update entity_import s set reject = 'name_duplicate_in_file' from (select line from (select line,
                    row_number() over (partition by name_key order by line) n from entity_import
                    where reject is null and status <> 'LIQUIDATED') d where n > 1) d
                where s.line = d.line""");
        bulk.reject(t, "name_taken", "s.status <> 'LIQUIDATED' and exists (select 1 from legalentity.entity e "
                + "where e.name_key = s.name_key and e.status <> 'LIQUIDATED')");

        OffsetDateTime now = OffsetDateTime.now(clock);
        int imported = jdbc.update("""
                insert into legalentity.entity (registration_number, name_mn, name_en, legal_form, status, address_division,
                    address_line, registered_on, liquidated_on, name_key, name_words, created_at, updated_at)
                select registration_number, name_mn, name_en, legal_form, status, address_division, address_line,
                    registered_on::date, liquidated_on::date, name_key, name_words, ?, ?
                from entity_import where reject is null order by registration_number""", now, now);
        jdbc.update("""
                insert into legalentity.founder (entity_number, position, person, founder_entity, share)
                select s.registration_number, f.position, case when f.id ~ '^[0-9]{7}$' then null else f.id end,
                    case when f.id ~ '^[0-9]{7}$' then f.id end, f.share::numeric
                from entity_founder_import f join entity_import s on s.line = f.line where s.reject is null""");
        jdbc.update("""
                insert into legalentity.director (entity_number, person, appointed_on)
                select s.registration_number, d.person, s.registered_on::date
                from entity_director_import d join entity_import s on s.line = d.line where s.reject is null""");
        jdbc.update("""
                insert into legalentity.entity_change (entity_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, details)
                select registration_number, 'REGISTRATION', registered_on::date, ?, ?, null, ?,
                    jsonb_strip_nulls(jsonb_build_object('name_mn', name_mn, 'legal_form', legal_form,
                        'address_division', address_division, 'founders', founders, 'directors', directors, 'import', ?::text))
                from entity_import where reject is null
                union all
                select registration_number, 'LIQUIDATION', liquidated_on::date, ?, ?, null, ?,
                    jsonb_build_object('import', ?::text)
                from entity_import where reject is null and liquidated_on is not null""",
                now, actor, legalBasis, importId, now, actor, legalBasis, importId);
        long rejected = bulk.writeRejects(t, csv, rejects);
        return new BulkLoadResult(name(), rows, imported, rejected, rejected > 0 ? rejects.toString() : null);
    }
}
