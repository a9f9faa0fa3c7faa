package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MRT-VEH-004, an officer's decision after the fee is paid: a new set of plates with the same number for lost,
 * stolen or damaged ones, recorded in the vehicle's history.
 */
@Component
class ReplacePlates implements ApprovalAction {

    private final VehicleChanges changes;
    private final VehicleFacts facts;

    ReplacePlates(VehicleChanges changes, VehicleFacts facts) {
        this.changes = changes;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "vehicles.replace-plates";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.ownershipObstacles(application);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Vehicle v = facts.requireOwned(application);
        String reason = Answers.required(application, "reason");
        VehicleEvent event = changes.replacePlates(v.plate(), reason, Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(v, out);
        out.put("fact.plateReason", facts.label(reason));
        out.put("fact.platesIssuedOn", event.occurredOn().toString());
        return out;
    }
}
