package mn.zasag.vehicles;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.shared.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookings of the technical inspection: each centre inspects in 30-minute slots from 09:00 to 17:30 on working
 * days (Monday to Friday); a booking takes the first free slot on or after the day the owner asks for, within
 * {@value #HORIZON_DAYS} days. One booking per slot and centre (the database holds that).
 */
@Service
public class InspectionBookings {

    public static final int HORIZON_DAYS = 60;
    static final LocalTime FIRST_SLOT = LocalTime.of(9, 0);
    static final LocalTime LAST_SLOT = LocalTime.of(17, 30);
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    /** The inspection centres: code → name in Mongolian. */
    public static final Map<String, String> CENTRES;

    static {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("UB-KHU", "Улаанбаатар, Хан-Уул дүүргийн техникийн хяналтын үзлэгийн төв");
        c.put("UB-SKH", "Улаанбаатар, Сонгинохайрхан дүүргийн техникийн хяналтын үзлэгийн төв");
        c.put("UB-BZD", "Улаанбаатар, Баянзүрх дүүргийн техникийн хяналтын үзлэгийн төв");
        c.put("DARKHAN", "Дархан-Уул аймгийн техникийн хяналтын үзлэгийн төв");
        c.put("ERDENET", "Орхон аймгийн техникийн хяналтын үзлэгийн төв");
        CENTRES = java.util.Collections.unmodifiableMap(c);
    }

    /** A booked slot. */
    public record Booking(long id, String plate, String centre, LocalDateTime slot) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VehicleChanges changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InspectionBookings(JdbcClient jdbc, AuditTrail audit, VehicleChanges changes, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.changes = changes;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Books the first free slot at the centre on or after the day asked for (tomorrow at the earliest). */
    public Booking book(String plateNumber, String centre, LocalDate onOrAfter, Actor bookedBy) {
        String plate = PlateNumber.parse(plateNumber).value();
        if (centre == null || !CENTRES.containsKey(centre)) {
            throw VehicleProblem.invalid("inspection_centre_unknown");
        }
        LocalDate tomorrow = LocalDate.now(clock.withZone(MONGOLIA)).plusDays(1);
        LocalDate from = onOrAfter == null || onOrAfter.isBefore(tomorrow) ? tomorrow : onOrAfter;
        if (from.isAfter(tomorrow.plusDays(HORIZON_DAYS))) {
            throw VehicleProblem.refused("inspection_date_invalid");
        }
        return transaction.execute(status -> {
            changes.activeLocked(plate);
            List<LocalDateTime> taken = jdbc.sql("""
                    select slot_at from vehicles.inspection_booking where centre = :c and slot_at >= :from and slot_at < :to""")
                    .param("c", centre).param("from", from.atStartOfDay())
                    .param("to", tomorrow.plusDays(HORIZON_DAYS + 1).atStartOfDay()).query(LocalDateTime.class).list();
            for (LocalDate day = from; !day.isAfter(tomorrow.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (LocalTime t = FIRST_SLOT; !t.isAfter(LAST_SLOT); t = t.plusMinutes(30)) {
                    LocalDateTime slot = day.atTime(t);
                    if (taken.contains(slot)) {
                        continue;
                    }
                    long id;
                    try {
                        id = jdbc.sql("""
                                insert into vehicles.inspection_booking (plate, centre, slot_at, booked_by, booked_at)
                                values (:p, :c, :s, :by, :now) returning id""")
                                .param("p", plate).param("c", centre).param("s", slot)
                                .param("by", bookedBy == null ? "system" : bookedBy.login())
                                .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
                    } catch (DuplicateKeyException raced) {
                        throw VehicleProblem.conflict("no_inspection_slot");
                    }
                    audit.record(AuditEvent.success("vehicles.inspection.booked", "vehicle", plate)
                            .withDetails(Map.of("centre", centre, "slot", slot.toString(), "booking", Long.toString(id))));
                    return new Booking(id, plate, centre, slot);
                }
            }
            throw VehicleProblem.refused("no_inspection_slot");
        });
    }

    /** A vehicle's bookings, soonest first. */
    public List<Booking> ofVehicle(String plate) {
        return jdbc.sql("select id, plate, centre, slot_at from vehicles.inspection_booking where plate = :p order by slot_at")
                .param("p", plate).query((rs, n) -> new Booking(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class))).list();
    }
}
