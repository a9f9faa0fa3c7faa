package mn.zasag.tax.internal;

import mn.zasag.registry.BulkCsv;
import mn.zasag.registry.RegistryBulkLoad;
import mn.zasag.tax.TaxCsv;
import mn.zasag.tax.TaxType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads {@code <stem>.tax.csv} ({@link TaxCsv}) with a bulk import of persons: staged with {@code COPY},
 * checked set-based (taxpayer a registered person or entity, tax office a known division, tax type, amounts,
 * dates), then inserted as taxpayers with an {@code ASSESSMENT} and, where given, a {@code PAYMENT} in the
 * ledger (the balance, and so the "no tax debt" status, is derived from it as for any account).
 */
@Component
class TaxBulkLoad implements RegistryBulkLoad {

    static final List<String> REASONS = List.of("taxpayer_invalid", "taxpayer_unknown", "tax_office_unknown",
            "tax_type_invalid", "amount_invalid", "date_invalid", "duplicate_in_file", "taxpayer_exists");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TaxBulkLoad(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tax";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public BulkLoadResult load(Path csv, Path rejects, String legalBasis, String actor, String importId) {
        BulkCsv bulk = new BulkCsv(dataSource, jdbc);
        String t = "tax_import";
        long rows = bulk.stage(csv, t, TaxCsv.COLUMNS, List.of(), v -> new String[0]);
        String types = Arrays.stream(TaxType.values()).map(x -> "'" + x.name() + "'").collect(Collectors.joining(", "));
        bulk.reject(t, "taxpayer_invalid", "taxpayer_id is null or not ((kind = 'PERSON' and "
                + "taxpayer_id ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$') or (kind = 'ENTITY' and taxpayer_id ~ '^[0-9]{7}$'))");
        bulk.reject(t, "taxpayer_unknown", "case when kind = 'PERSON' "
                + "then not exists (select 1 from registry.person p where p.register_number = s.taxpayer_id) "
                + "else not exists (select 1 from legalentity.entity e where e.registration_number = s.taxpayer_id) end");
        bulk.reject(t, "tax_office_unknown", "office is null "
                + "or not exists (select 1 from registry.division d where d.code = s.office)");
        bulk.reject(t, "tax_type_invalid", "(assessed is not null or paid is not null) "
                + "and (tax_type is null or tax_type not in (" + types + "))");
        bulk.reject(t, "amount_invalid", "(assessed is not null and case when pg_input_is_valid(assessed, 'numeric(16,2)') "
                + "then assessed::numeric <= 0 else true end) or (paid is not null and case when "
                + "pg_input_is_valid(paid, 'numeric(16,2)') then paid::numeric <= 0 else true end) "
                + "or (assessed is null) <> (assessed_on is null) or (paid is null) <> (paid_on is null)");
        bulk.reject(t, "date_invalid", "registered_on is null or not pg_input_is_valid(registered_on, 'date') "
                + "or (assessed_on is not null and not pg_input_is_valid(assessed_on, 'date')) "
                + "or (paid_on is not null and not pg_input_is_valid(paid_on, 'date'))");
        bulk.reject(t, "date_invalid", "registered_on::date > current_date or assessed_on::date > current_date "
                + "or paid_on::date > current_date");
        bulk.rejectDuplicates(t, "taxpayer_id", "duplicate_in_file");
        bulk.reject(t, "taxpayer_exists", "exists (select 1 from tax.taxpayer x where x.taxpayer_id = s.taxpayer_id)");

        OffsetDateTime now = OffsetDateTime.now(clock);
        int imported = jdbc.update("""
                insert into tax.taxpayer (taxpayer_id, kind, office, registered_on, registered_at, registrar, legal_basis)
                select taxpayer_id, kind, office, registered_on::date, ?, ?, ?
                from tax_import where reject is null order by taxpayer_id""", now, actor, legalBasis);
        jdbc.update("""
                insert into tax.entry (taxpayer_id, type, tax_type, amount, occurred_on, reference, recorded_at, registrar,
                    registrar_agency, legal_basis)
                select taxpayer_id, 'ASSESSMENT', tax_type, assessed::numeric, assessed_on::date, ?, ?, ?, null, ?
                from tax_import where reject is null and assessed is not null
                union all
                select taxpayer_id, 'PAYMENT', tax_type, paid::numeric, paid_on::date, ?, ?, ?, null, ?
                from tax_import where reject is null and paid is not null
                order by 1, 5""", "import " + importId, now, actor, legalBasis, "import " + importId, now, actor, legalBasis);
        long rejected = bulk.writeRejects(t, csv, rejects);
        return new BulkLoadResult(name(), rows, imported, rejected, rejected > 0 ? rejects.toString() : null);
    }
}
