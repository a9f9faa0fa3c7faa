package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MRT-VEH-006, decided at once: who owns the vehicle and since when, with its identifiers and technical
 * inspection, read from the vehicle registry (a vehicle the applicant does not own is refused).
 */
@Component
class OwnershipReference implements ApprovalAction {

    private final VehicleRegistry vehicles;
    private final VehicleFacts facts;

    OwnershipReference(VehicleRegistry vehicles, VehicleFacts facts) {
        this.vehicles = vehicles;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "vehicles.ownership-reference";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.ownershipObstacles(application);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Vehicle owned = facts.requireOwned(application);
        Vehicle v = vehicles.read(owned.plate(), Answers.basis(application));
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(v, out);
        out.put("fact.owner", application.applicant());
        out.put("fact.ownerSince", facts.ownerSince(v.plate()));
        out.put("fact.registeredOn", v.registeredOn().toString());
        out.put("fact.inspectionValidUntil", v.inspectionValidUntil() == null ? "—" : v.inspectionValidUntil().toString());
        out.put("fact.inspection", facts.label(v.inspection().name()));
        return out;
    }
}
