package mn.zasag.property.internal;

import mn.zasag.property.PropertyCsv;
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
 * Loads {@code <stem>.property.csv} ({@link PropertyCsv}) with a bulk import of persons: staged with
 * {@code COPY}, checked set-based (certificate number against the registry's number format, purpose, area,
 * date, division, owners registered persons or entities with shares summing to 1), then inserted with the
 * owners and a {@code REGISTRATION} change per property.
 */
@Component
class PropertyBulkLoad implements RegistryBulkLoad {

    static final List<String> REASONS = List.of("number_invalid", "division_unknown", "address_invalid", "area_invalid",
            "purpose_unknown", "date_invalid", "owners_invalid", "shares_not_whole", "owner_not_registered",
            "duplicate_in_file", "already_registered");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PropertyBulkLoad(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "property";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public BulkLoadResult load(Path csv, Path rejects, String legalBasis, String actor, String importId) {
        BulkCsv bulk = new BulkCsv(dataSource, jdbc);
        String t = "property_import";
        long rows = bulk.stage(csv, t, PropertyCsv.COLUMNS, List.of(), v -> new String[0]);
        bulk.reject(t, "number_invalid", "certificate_number is null or not exists (select 1 from property.number_format f "
                + "where f.kind = 'certificate' and s.certificate_number ~ f.pattern)");
        bulk.reject(t, "division_unknown", "address_division is null "
                + "or not exists (select 1 from registry.division d where d.code = s.address_division)");
        bulk.reject(t, "address_invalid", "length(address_line) > 300");
        bulk.reject(t, "area_invalid", "area is null or case when pg_input_is_valid(area, 'numeric(12,2)') "
                + "then area::numeric <= 0 else true end");
        bulk.reject(t, "purpose_unknown", "not exists (select 1 from property.purpose p where p.code = s.purpose)");
        bulk.reject(t, "date_invalid", "registered_on is null or case when pg_input_is_valid(registered_on, 'date') "
                + "then registered_on::date > current_date else true end");
        jdbc.execute("""
                create temporary table property_owner_import on commit drop as
                select s.line, o.ord::int as position, split_part(o.item, ':', 1) as kind, split_part(o.item, ':', 2) as id,
                    split_part(o.item, ':', 3) as share
                from property_import s, regexp_split_to_table(s.owners, ';') with ordinality o(item, ord)
                where s.reject is null""");
        jdbc.execute("create index on property_owner_import (line)"); // looked up per staged row below
        jdbc.execute("analyze property_owner_import");
        bulk.reject(t, "owners_invalid", "owners is null or exists (select 1 from property_owner_import o where o.line = s.line "
                + "and (not ((o.kind = 'P' and o.id ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$') or (o.kind = 'E' and o.id ~ '^[0-9]{7}$')) "
                + "or case when pg_input_is_valid(o.share, 'numeric(9,6)') then o.share::numeric <= 0 "
                + "or o.share::numeric > 1 else true end))");
        bulk.reject(t, "shares_not_whole", "(select sum(o.share::numeric) from property_owner_import o where o.line = s.line) <> 1");
        bulk.reject(t, "owner_not_registered", "exists (select 1 from property_owner_import o where o.line = s.line and "
                + "case when o.kind = 'P' then not exists (select 1 from registry.person p where p.register_number = o.id) "
                + "else not exists (select 1 from legalentity.entity e where e.registration_number = o.id) end)");
        bulk.rejectDuplicates(t, "certificate_number", "duplicate_in_file");
        bulk.reject(t, "already_registered", "exists (select 1 from property.property p "
                + "where p.certificate_number = s.certificate_number)");

        OffsetDateTime now = OffsetDateTime.now(clock);
        int imported = jdbc.update("""
                insert into property.property (certificate_number, address_division, address_line, area, purpose,
                    registered_on, created_at, updated_at)
                select certificate_number, address_division, address_line, area::numeric, purpose, registered_on::date, ?, ?
                from property_import where reject is null order by certificate_number""", now, now);
        jdbc.update("""
                insert into property.owner (certificate_number, position, person, entity, share)
                select s.certificate_number, o.position, case when o.kind = 'P' then o.id end,
                    case when o.kind = 'E' then o.id end, o.share::numeric
                from property_owner_import o join property_import s on s.line = o.line where s.reject is null""");
        jdbc.update("""
                insert into property.property_change (certificate_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, details)
                select certificate_number, 'REGISTRATION', registered_on::date, ?, ?, null, ?,
                    jsonb_build_object('address_division', address_division, 'area', area, 'purpose', purpose,
                        'owners', owners, 'import', ?::text)
                from property_import where reject is null""", now, actor, legalBasis, importId);
        long rejected = bulk.writeRejects(t, csv, rejects);
        return new BulkLoadResult(name(), rows, imported, rejected, rejected > 0 ? rejects.toString() : null);
    }
}
