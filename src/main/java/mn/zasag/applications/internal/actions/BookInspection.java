package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;
import mn.zasag.vehicles.InspectionBookings;
import mn.zasag.vehicles.Vehicle;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MRT-VEH-005, decided at once: the first free inspection slot at the chosen centre on or after the day asked for. */
@Component
class BookInspection implements ApprovalAction {

    private final InspectionBookings bookings;
    private final VehicleFacts facts;

    BookInspection(InspectionBookings bookings, VehicleFacts facts) {
        this.bookings = bookings;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "vehicles.book-inspection";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.ownershipObstacles(application);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Vehicle v = facts.requireOwned(application);
        InspectionBookings.Booking b = bookings.book(v.plate(), Answers.required(application, "centre"),
                Answers.date(application, "preferredDate"), Answers.acting(officer, application));
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(v, out);
        out.put("fact.centre", InspectionBookings.CENTRES.get(b.centre()));
        out.put("fact.date", b.slot().toLocalDate().toString());
        out.put("fact.time", b.slot().toLocalTime().toString());
        out.put("fact.booking", Long.toString(b.id()));
        return out;
    }
}
