package mn.zasag.vehicles;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.shared.RegisterNumber;
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
 * What the road transport authority does to a registered vehicle besides transfers and inspections: registers
 * an imported vehicle under the next free plate of the owner's region, takes a vehicle off the register
 * (scrapped, exported, stolen — its history stays), and issues a new set of plates for lost or damaged ones.
 * Like {@link VehicleRegistry}: one transaction, one history entry and one audit entry per change; only
 * officers of {@value VehicleRegistry#OWNER_AGENCY} write.
 */
@Service
public class VehicleChanges {

    /** Why a vehicle leaves the register. */
    public enum Reason { SCRAPPED, EXPORTED, STOLEN }

    /** The letters a plate's series runs through, in order (Cyrillic capitals used on plates). */
    static final String SERIES = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";

    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VehicleRegistry registry;
    private final TransactionTemplate transaction;
    private final Clock clock;

    VehicleChanges(JdbcClient jdbc, AuditTrail audit, VehicleRegistry registry, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.registry = registry;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Registers a vehicle under the next free plate of the region whose division code is given (the owner's
     * aimag or the capital; the capital when unknown). The plate in {@code v} is ignored.
     */
    public Vehicle registerWithNewPlate(NewVehicle v, String division, Actor officer) {
        requireOwnerAgency(officer, null);
        String region = regionLetters(division);
        return transaction.execute(status -> {
            String plate = nextFreePlate(region);
            return registry.register(new NewVehicle(plate, v.vin(), v.make(), v.model(), v.year(), v.colour(), v.owner(),
                    v.registeredOn(), v.legalBasis()), officer);
        });
    }

    /** Takes a vehicle off the register; it can no longer be transferred, inspected or booked. */
    public VehicleEvent deregister(String plateNumber, Reason reason, LocalDate on, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, plateNumber);
        String plate = PlateNumber.parse(plateNumber).value();
        String basis = VehicleRegistry.legalBasis(legalBasis);
        if (reason == null) {
            throw VehicleProblem.invalid("deregistration_reason_invalid");
        }
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            throw VehicleProblem.refused("date_in_future");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Vehicle vehicle = activeLocked(plate);
            if (date.isBefore(vehicle.registeredOn())) {
                throw VehicleProblem.refused("date_before_last_change");
            }
            jdbc.sql("""
                    update vehicles.vehicle set deregistered_on = :on, deregistration_reason = :r, updated_at = :now
                    where plate = :p""").param("on", date).param("r", reason.name()).param("now", now).param("p", plate).update();
            long id = append(plate, VehicleEvent.Type.DEREGISTRATION, date, now, officer, basis, vehicle.owner(), reason.name());
            audit.record(AuditEvent.success("vehicles.vehicle.deregistered", "vehicle", plate)
                    .withDetails(Map.of("legal_basis", basis, "reason", reason.name(), "owner", vehicle.owner().id(),
                            "event", Long.toString(id))));
            return registry.history(plate).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        });
    }

    /** Issues a new set of plates with the same number for lost, stolen or damaged ones. */
    public VehicleEvent replacePlates(String plateNumber, String why, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, plateNumber);
        String plate = PlateNumber.parse(plateNumber).value();
        String basis = VehicleRegistry.legalBasis(legalBasis);
        String details = why == null || why.isBlank() ? null : why.strip();
        if (details != null && (details.length() > 300 || details.chars().anyMatch(Character::isISOControl))) {
            throw VehicleProblem.invalid("vehicle_details_invalid");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Vehicle vehicle = activeLocked(plate);
            jdbc.sql("update vehicles.vehicle set updated_at = :now where plate = :p").param("now", now).param("p", plate).update();
            long id = append(plate, VehicleEvent.Type.PLATE_REPLACEMENT, today(), now, officer, basis, vehicle.owner(), details);
            audit.record(AuditEvent.success("vehicles.plates.replaced", "vehicle", plate)
                    .withDetails(Map.of("legal_basis", basis, "owner", vehicle.owner().id(), "event", Long.toString(id))));
            return registry.history(plate).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        });
    }

    /** The day the vehicle left the register, or empty while it is on it. Unknown plates are empty too. */
    public Optional<LocalDate> deregisteredOn(String plate) {
        return jdbc.sql("select deregistered_on from vehicles.vehicle where plate = :p").param("p", plate)
                .query(LocalDate.class).optional();
    }

    /** The vehicles on the register a person or entity owns now (deregistered ones left out). */
    public List<Vehicle> onRegister(Party owner) {
        List<String> gone = jdbc.sql("""
                select plate from vehicles.vehicle where owner_kind = :k and owner_id = :o and deregistered_on is not null""")
                .param("k", owner.kind().name()).param("o", owner.id()).query(String.class).list();
        return registry.ownedNow(owner).stream().filter(v -> !gone.contains(v.plate())).toList();
    }

    /** A citizen's vehicles on the register, by register number. */
    public List<Vehicle> onRegister(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return List.of();
        }
        return onRegister(new Party(Party.Kind.PERSON, RegisterNumber.parse(registerNumber, clock).value()));
    }

    /** The plate's region letters for a division (its aimag's first plate code; the capital's УБ when unknown). */
    static String regionLetters(String division) {
        String aimag = division == null || division.length() < 2 ? "11" : division.substring(0, 2);
        return PlateNumber.REGIONS.entrySet().stream().filter(e -> e.getValue().equals(aimag)).map(Map.Entry::getKey)
                .sorted().findFirst().map(code -> "11".equals(aimag) ? "УБ" : code).orElse("УБ");
    }

    private String nextFreePlate(String region) {
        while (true) {
            long n = jdbc.sql("select nextval('vehicles.plate_number')").query(Long.class).single();
            int digits = (int) (n % 9999) + 1;
            char series = SERIES.charAt((int) ((n / 9999) % SERIES.length()));
            String plate = String.format("%04d", digits) + region + series;
            if (PlateNumber.tryParse(plate).isPresent() && !registry.exists(plate)) {
                return plate;
            }
        }
    }

    Vehicle activeLocked(String plate) {
        Optional<LocalDate> gone = jdbc.sql("select deregistered_on from vehicles.vehicle where plate = :p for update")
                .param("p", plate).query(LocalDate.class).optional();
        if (jdbc.sql("select count(*) from vehicles.vehicle where plate = :p").param("p", plate).query(Long.class).single() == 0) {
            throw VehicleProblem.notFound();
        }
        if (gone.isPresent()) {
            throw VehicleProblem.refused("vehicle_deregistered");
        }
        return registry.ownedNow(ownerOf(plate)).stream().filter(v -> v.plate().equals(plate)).findFirst()
                .orElseThrow(VehicleProblem::notFound);
    }

    private Party ownerOf(String plate) {
        return jdbc.sql("select owner_kind, owner_id from vehicles.vehicle where plate = :p").param("p", plate)
                .query((rs, n) -> new Party(Party.Kind.valueOf(rs.getString(1)), rs.getString(2))).single();
    }

    private void requireOwnerAgency(Actor officer, String plate) {
        if (officer == null || !VehicleRegistry.OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("vehicles.write.denied", AuditEvent.Outcome.DENIED, "vehicle",
                    plate == null || plate.length() > 20 ? null : plate, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw VehicleProblem.ownerOnly();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private long append(String plate, VehicleEvent.Type type, LocalDate on, OffsetDateTime now, Actor officer, String basis,
                        Party owner, String details) {
        return jdbc.sql("""
                insert into vehicles.vehicle_event (plate, type, occurred_on, recorded_at, registrar, registrar_agency,
                    legal_basis, owner_kind, owner_id, details)
                values (:plate, :type, :on, :now, :registrar, :agency, :basis, :ok, :oid, :details) returning id""")
                .param("plate", plate).param("type", type.name()).param("on", on).param("now", now)
                .param("registrar", officer.login()).param("agency", officer.agencyCode()).param("basis", basis)
                .param("ok", owner.kind().name()).param("oid", owner.id()).param("details", details)
                .query(Long.class).single();
    }
}
