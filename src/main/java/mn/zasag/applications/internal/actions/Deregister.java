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

/** MRT-VEH-003, an officer's decision: the owner's vehicle leaves the register (scrapped, exported, stolen). */
@Component
class Deregister implements ApprovalAction {

    private final VehicleChanges changes;
    private final VehicleFacts facts;

    Deregister(VehicleChanges changes, VehicleFacts facts) {
        this.changes = changes;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "vehicles.deregister";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.ownershipObstacles(application);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Vehicle v = facts.requireOwned(application);
        VehicleChanges.Reason reason;
        try {
            reason = VehicleChanges.Reason.valueOf(Answers.required(application, "reason"));
        } catch (IllegalArgumentException e) {
            throw new ActionRefused("answer_missing", "reason");
        }
        VehicleEvent event = changes.deregister(v.plate(), reason, Answers.date(application, "since"),
                Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(v, out);
        out.put("fact.deregistrationReason", facts.label(reason.name()));
        out.put("fact.deregisteredOn", event.occurredOn().toString());
        return out;
    }
}
