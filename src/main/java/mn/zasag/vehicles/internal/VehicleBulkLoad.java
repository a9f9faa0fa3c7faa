package mn.zasag.vehicles.internal;

import mn.zasag.registry.BulkCsv;
import mn.zasag.registry.RegistryBulkLoad;
import mn.zasag.vehicles.PlateNumber;
import mn.zasag.vehicles.Vin;
import mn.zasag.vehicles.VehiclesCsv;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Loads {@code <stem>.vehicles.csv} ({@link VehiclesCsv}) with a bulk import of persons: staged with
 * {@code COPY}, checked set-based (plate and VIN as for one registration — both checked in Java while
 * staging —, year, dates, owner a registered person or entity), then inserted with a {@code REGISTRATION}
 * event and, where an inspection is given, an {@code INSPECTION} event.
 */
@Component
class VehicleBulkLoad implements RegistryBulkLoad {

    static final List<String> REASONS = List.of("plate_invalid", "vin_invalid", "text_invalid", "year_invalid",
            "date_invalid", "owner_invalid", "owner_not_registered", "duplicate_in_file", "vin_duplicate_in_file",
            "plate_taken", "vin_taken");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VehicleBulkLoad(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "vehicles";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public BulkLoadResult load(Path csv, Path rejects, String legalBasis, String actor, String importId) {
        BulkCsv bulk = new BulkCsv(dataSource, jdbc);
        String t = "vehicle_import";
        long rows = bulk.stage(csv, t, VehiclesCsv.COLUMNS, List.of("plate_ok", "vin_ok"), v -> new String[] {
                v[0] != null && PlateNumber.tryParse(v[0]).isPresent() ? PlateNumber.parse(v[0]).value() : null,
                v[1] != null && Vin.tryParse(v[1]).isPresent() ? Vin.parse(v[1]).value() : null});
        bulk.reject(t, "plate_invalid", "plate_ok is null");
        bulk.reject(t, "vin_invalid", "vin_ok is null");
        bulk.reject(t, "text_invalid", "make is null or model is null or colour is null or length(make) > 60 "
                + "or length(model) > 60 or length(colour) > 30");
        bulk.reject(t, "year_invalid", "year is null or case when year ~ '^[0-9]{4}$' then year::int < 1900 "
                + "or year::int > extract(year from current_date) + 1 else true end");
        bulk.reject(t, "date_invalid", "registered_on is null or not pg_input_is_valid(registered_on, 'date') "
                + "or (last_inspection is not null and not pg_input_is_valid(last_inspection, 'date')) "
                + "or (inspection_valid_until is not null and not pg_input_is_valid(inspection_valid_until, 'date')) "
                + "or (last_inspection is null) <> (inspection_valid_until is null)");
        bulk.reject(t, "date_invalid", "registered_on::date > current_date or year::int > extract(year from registered_on::date) + 1 "
                + "or last_inspection::date < registered_on::date or last_inspection::date > current_date "
                + "or inspection_valid_until::date <= last_inspection::date");
        bulk.reject(t, "owner_invalid", "owner_kind is null or owner_id is null or not ((owner_kind = 'PERSON' and "
                + "owner_id ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$') or (owner_kind = 'ENTITY' and owner_id ~ '^[0-9]{7}$'))");
        bulk.reject(t, "owner_not_registered", "case when owner_kind = 'PERSON' "
                + "then not exists (select 1 from registry.person p where p.register_number = s.owner_id and p.death_date is null) "
                + "else not exists (select 1 from legalentity.entity e where e.registration_number = s.owner_id "
                + "and e.status <> 'LIQUIDATED') end");
        bulk.rejectDuplicates(t, "plate_ok", "duplicate_in_file");
        bulk.rejectDuplicates(t, "vin_ok", "vin_duplicate_in_file");
        bulk.reject(t, "plate_taken", "exists (select 1 from vehicles.vehicle v where v.plate = s.plate_ok)");
        bulk.reject(t, "vin_taken", "exists (select 1 from vehicles.vehicle v where v.vin = s.vin_ok)");

        OffsetDateTime now = OffsetDateTime.now(clock);
        int imported = jdbc.update("""
                insert into vehicles.vehicle (plate, vin, make, model, year, colour, owner_kind, owner_id, registered_on,
                    last_inspection, inspection_valid_until, updated_at)
                select plate_ok, vin_ok, make, model, year::int, colour, owner_kind, owner_id, registered_on::date,
                    last_inspection::date, inspection_valid_until::date, ?
                from vehicle_import where reject is null order by plate_ok""", now);
        jdbc.update("""
                insert into vehicles.vehicle_event (plate, type, occurred_on, recorded_at, registrar, registrar_agency,
                    legal_basis, owner_kind, owner_id, previous_kind, previous_id, passed, valid_until)
                select plate_ok, 'REGISTRATION', registered_on::date, ?, ?, null, ?, owner_kind, owner_id, null, null, null, null
                from vehicle_import where reject is null
                union all
                select plate_ok, 'INSPECTION', last_inspection::date, ?, ?, null, ?, null, null, null, null, true,
                    inspection_valid_until::date
                from vehicle_import where reject is null and last_inspection is not null
                order by 1, 3""", now, actor, legalBasis, now, actor, legalBasis);
        long rejected = bulk.writeRejects(t, csv, rejects);
        return new BulkLoadResult(name(), rows, imported, rejected, rejected > 0 ? rejects.toString() : null);
    }
}
