package mn.zasag.vehicles;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.shared.RegisterNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vehicle registry: registers vehicles, transfers their ownership and records technical inspections;
 * answers reads by plate, VIN or owner.
 *
 * <p>Each change is one transaction that appends a {@link VehicleEvent}, brings the vehicle's current state
 * in line and writes an audit entry; a refused change writes nothing (a refusal of the writer's agency
 * writes only its audit entry). Only officers of {@value #OWNER_AGENCY} write. Every read by an officer or a
 * system names its legal basis and is audited, since a vehicle's owner is a person or an entity.
 */
@Service
public class VehicleRegistry {

    /** The road transport authority keeps the vehicle register (see the package documentation). */
    public static final String OWNER_AGENCY = "MRT";
    public static final int FIRST_YEAR = 1900;
    /** How long a passed inspection is valid when the officer does not say: Mongolia inspects yearly. */
    public static final int INSPECTION_YEARS = 1;
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final String COLUMNS = """
            select plate, vin, make, model, year, colour, owner_kind, owner_id, registered_on, last_inspection,
                   inspection_valid_until from vehicles.vehicle\s""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final LegalEntities entities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    VehicleRegistry(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, LegalEntities entities,
                    TransactionTemplate transaction, Clock clock) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    /** Registers a vehicle to its first owner with a REGISTRATION event. */
    public Vehicle register(NewVehicle v, Actor officer) {
        requireOwnerAgency(officer, v.plate());
        PlateNumber plate = PlateNumber.parse(v.plate());
        Vin vin = Vin.parse(v.vin());
        String basis = legalBasis(v.legalBasis());
        String make = text(v.make(), 60);
        String model = text(v.model(), 60);
        String colour = text(v.colour(), 30);
        LocalDate on = v.registeredOn() == null ? today() : v.registeredOn();
        if (on.isAfter(today())) {
            throw VehicleProblem.refused("date_in_future");
        }
        if (v.year() == null || v.year() < FIRST_YEAR || v.year() > today().getYear() + 1 || v.year() > on.getYear() + 1) {
            throw VehicleProblem.refused("year_invalid");
        }
        Party owner = knownOwner(v.owner());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            try {
                jdbc.sql("""
                        insert into vehicles.vehicle (plate, vin, make, model, year, colour, owner_kind, owner_id,
                            registered_on, updated_at)
                        values (:plate, :vin, :make, :model, :year, :colour, :kind, :owner, :on, :now)""")
                        .param("plate", plate.value()).param("vin", vin.value()).param("make", make)
                        .param("model", model).param("year", v.year()).param("colour", colour)
                        .param("kind", owner.kind().name()).param("owner", owner.id()).param("on", on)
                        .param("now", now).update();
            } catch (DuplicateKeyException e) {
                throw VehicleProblem.conflict(String.valueOf(e.getMessage()).contains("vehicle_pkey") ? "plate_taken" : "vin_taken");
            }
            long id = append(plate.value(), VehicleEvent.Type.REGISTRATION, on, now, officer, basis, owner, null, null, null);
            audit.record(AuditEvent.success("vehicles.vehicle.registered", "vehicle", plate.value())
                    .withDetails(Map.of("legal_basis", basis, "owner", owner.id(), "event", Long.toString(id))));
            return load(plate.value()).orElseThrow();
        });
    }

    /** Transfers the vehicle to a new owner (a sale, gift or inheritance) with a TRANSFER event. */
    public VehicleEvent transfer(String plateNumber, String newOwner, LocalDate on, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, plateNumber);
        String plate = PlateNumber.parse(plateNumber).value();
        String basis = legalBasis(legalBasis);
        LocalDate date = pastOrToday(on);
        Party owner = knownOwner(newOwner);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Vehicle vehicle = lock(plate).orElseThrow(VehicleProblem::notFound);
            requireOnRegister(plate);
            if (vehicle.owner().equals(owner)) {
                throw VehicleProblem.refused("same_owner");
            }
            LocalDate lastChange = jdbc.sql("""
                    select max(occurred_on) from vehicles.vehicle_event where plate = :p and type in ('REGISTRATION', 'TRANSFER')""")
                    .param("p", plate).query(LocalDate.class).single();
            if (lastChange != null && date.isBefore(lastChange)) {
                throw VehicleProblem.refused("date_before_last_change");
            }
            jdbc.sql("update vehicles.vehicle set owner_kind = :k, owner_id = :o, updated_at = :now where plate = :p")
                    .param("k", owner.kind().name()).param("o", owner.id()).param("now", now).param("p", plate).update();
            long id = append(plate, VehicleEvent.Type.TRANSFER, date, now, officer, basis, owner, vehicle.owner(), null, null);
            audit.record(AuditEvent.success("vehicles.ownership.transferred", "vehicle", plate)
                    .withDetails(Map.of("legal_basis", basis, "owner", owner.id(), "previous_owner", vehicle.owner().id(),
                            "event", Long.toString(id))));
            return event(id);
        });
    }

    /**
     * Records a technical inspection. A passed one is valid until {@code validUntil} (a year after the
     * inspection when not given), which must be after the inspection day; a failed one leaves the vehicle
     * overdue from that day.
     */
    public VehicleEvent inspect(String plateNumber, LocalDate on, boolean passed, LocalDate validUntil, String legalBasis,
                                Actor officer) {
        requireOwnerAgency(officer, plateNumber);
        String plate = PlateNumber.parse(plateNumber).value();
        String basis = legalBasis(legalBasis);
        LocalDate date = pastOrToday(on);
        LocalDate until = passed ? (validUntil == null ? date.plusYears(INSPECTION_YEARS) : validUntil) : null;
        if (until != null && (!until.isAfter(date) || until.isAfter(date.plusYears(2)))) {
            throw VehicleProblem.refused("inspection_valid_until_invalid");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Vehicle vehicle = lock(plate).orElseThrow(VehicleProblem::notFound);
            requireOnRegister(plate);
            if (date.isBefore(vehicle.registeredOn())
                    || (vehicle.lastInspection() != null && date.isBefore(vehicle.lastInspection()))) {
                throw VehicleProblem.refused("date_before_last_change");
            }
            jdbc.sql("""
                    update vehicles.vehicle set last_inspection = :on, inspection_valid_until = :until, updated_at = :now
                    where plate = :p""")
                    .param("on", date).param("until", until).param("now", now).param("p", plate).update();
            long id = append(plate, VehicleEvent.Type.INSPECTION, date, now, officer, basis, null, null, passed, until);
            audit.record(AuditEvent.success("vehicles.inspection.recorded", "vehicle", plate)
                    .withDetails(Map.of("legal_basis", basis, "passed", Boolean.toString(passed), "event", Long.toString(id))));
            return event(id);
        });
    }

    // ---------------------------------------------------------------- reads

    /** An officer's or a system's read of one vehicle, audited with its legal basis. */
    public Vehicle read(String plateNumber, String legalBasis) {
        String basis = readBasis(legalBasis);
        String plate = PlateNumber.tryParse(plateNumber).orElseThrow(VehicleProblem::notFound).value();
        return transaction.execute(status -> {
            Vehicle vehicle = load(plate).orElseThrow(VehicleProblem::notFound);
            audit.record(AuditEvent.success("vehicles.vehicle.read", "vehicle", plate)
                    .withDetails(Map.of("legal_basis", basis, "owner", vehicle.owner().id())));
            return vehicle;
        });
    }

    /**
     * Search by plate or VIN (exact) or by owner (register number or entity number: the vehicles they own
     * now). Audited with its legal basis.
     */
    public List<Vehicle> search(String query, String legalBasis) {
        String basis = readBasis(legalBasis);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            List<Vehicle> found;
            Optional<PlateNumber> plate = PlateNumber.tryParse(q);
            Optional<Vin> vin = Vin.tryParse(q);
            if (plate.isPresent()) {
                found = load(plate.get().value()).map(List::of).orElse(List.of());
            } else if (vin.isPresent()) {
                found = jdbc.sql(COLUMNS + "where vin = :v").param("v", vin.get().value()).query(mapper()).list();
            } else {
                Party owner = Party.parse(q, clock);
                found = ownedNow(owner);
            }
            audit.record(AuditEvent.success("vehicles.vehicle.searched", "vehicle_search", null)
                    .withDetails(Map.of("query", q.length() > 100 ? q.substring(0, 100) : q, "legal_basis", basis,
                            "results", Integer.toString(found.size()))));
            return found;
        });
    }

    /** A vehicle's history, oldest first. Callers read the vehicle first (which is audited). */
    public List<VehicleEvent> history(String plate) {
        return jdbc.sql(EVENT_COLUMNS + "where plate = :p order by occurred_on, id").param("p", plate).query(EVENT).list();
    }

    /** The vehicles a person or entity owns now; for their own "my data" page (not a third-party read). */
    public List<Vehicle> ownedNow(Party owner) {
        return jdbc.sql(COLUMNS + "where owner_kind = :k and owner_id = :o order by plate")
                .param("k", owner.kind().name()).param("o", owner.id()).query(mapper()).list();
    }

    /** A citizen's own vehicles, by their login (register number). */
    public List<Vehicle> own(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return List.of();
        }
        return ownedNow(new Party(Party.Kind.PERSON, RegisterNumber.parse(registerNumber, clock).value()));
    }

    public boolean exists(String plate) {
        return jdbc.sql("select count(*) from vehicles.vehicle where plate = :p").param("p", plate).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from vehicles.vehicle").query(Long.class).single();
    }

    // ---------------------------------------------------------------- rules and rows

    private void requireOwnerAgency(Actor officer, String plate) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("vehicles.write.denied", AuditEvent.Outcome.DENIED, "vehicle",
                    plate == null || plate.length() > 20 ? null : plate, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw VehicleProblem.ownerOnly();
        }
    }

    /** A deregistered vehicle (scrapped, exported, stolen) keeps its history but changes no more. */
    private void requireOnRegister(String plate) {
        if (jdbc.sql("select deregistered_on is not null from vehicles.vehicle where plate = :p").param("p", plate)
                .query(Boolean.class).single()) {
            throw VehicleProblem.refused("vehicle_deregistered");
        }
    }

    private Party knownOwner(String raw) {
        Party owner = Party.parse(raw, clock);
        if (owner.person() ? !persons.exists(owner.id()) : !entities.exists(owner.id())) {
            throw VehicleProblem.refused("owner_unknown");
        }
        return owner;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private LocalDate pastOrToday(LocalDate on) {
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            throw VehicleProblem.refused("date_in_future");
        }
        return date;
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw VehicleProblem.invalid("vehicle_details_invalid");
        }
        return value.strip();
    }

    static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw VehicleProblem.invalid("legal_basis_invalid");
        }
        return basis;
    }

    private static String readBasis(String text) {
        return legalBasis(text);
    }

    private long append(String plate, VehicleEvent.Type type, LocalDate on, OffsetDateTime now, Actor officer,
                        String basis, Party owner, Party previous, Boolean passed, LocalDate validUntil) {
        return jdbc.sql("""
                insert into vehicles.vehicle_event (plate, type, occurred_on, recorded_at, registrar, registrar_agency,
                    legal_basis, owner_kind, owner_id, previous_kind, previous_id, passed, valid_until)
                values (:plate, :type, :on, :now, :registrar, :agency, :basis, :ok, :oid, :pk, :pid, :passed, :until)
                returning id""")
                .param("plate", plate).param("type", type.name()).param("on", on).param("now", now)
                .param("registrar", officer.login()).param("agency", officer.agencyCode()).param("basis", basis)
                .param("ok", owner == null ? null : owner.kind().name()).param("oid", owner == null ? null : owner.id())
                .param("pk", previous == null ? null : previous.kind().name())
                .param("pid", previous == null ? null : previous.id())
                .param("passed", passed).param("until", validUntil)
                .query(Long.class).single();
    }

    private VehicleEvent event(long id) {
        return jdbc.sql(EVENT_COLUMNS + "where id = :id").param("id", id).query(EVENT).single();
    }

    private Optional<Vehicle> load(String plate) {
        return jdbc.sql(COLUMNS + "where plate = :p").param("p", plate).query(mapper()).optional();
    }

    private Optional<Vehicle> lock(String plate) {
        return jdbc.sql(COLUMNS + "where plate = :p for update").param("p", plate).query(mapper()).optional();
    }

    private RowMapper<Vehicle> mapper() {
        LocalDate today = today();
        return (rs, n) -> {
            LocalDate validUntil = rs.getObject(11, LocalDate.class);
            return new Vehicle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), new Party(Party.Kind.valueOf(rs.getString(7)), rs.getString(8)),
                    rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), validUntil,
                    validUntil != null && !validUntil.isBefore(today) ? Vehicle.InspectionState.VALID
                            : Vehicle.InspectionState.OVERDUE);
        };
    }

    private static final String EVENT_COLUMNS = """
            select id, plate, type, occurred_on, recorded_at, registrar, registrar_agency, legal_basis, owner_kind,
                   owner_id, previous_kind, previous_id, passed, valid_until from vehicles.vehicle_event\s""";

    private static final RowMapper<VehicleEvent> EVENT = (rs, n) -> new VehicleEvent(rs.getLong(1), rs.getString(2),
            VehicleEvent.Type.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8),
            party(rs.getString(9), rs.getString(10)), party(rs.getString(11), rs.getString(12)),
            (Boolean) rs.getObject(13), rs.getObject(14, LocalDate.class));

    private static Party party(String kind, String id) {
        return kind == null ? null : new Party(Party.Kind.valueOf(kind), id);
    }
}
