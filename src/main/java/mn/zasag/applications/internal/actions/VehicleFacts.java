package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.shared.Party;
import mn.zasag.vehicles.PlateNumber;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleEvent;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the vehicle actions check alike: the chosen vehicle is on the register and the applicant owns it. */
@Component
class VehicleFacts {

    private final VehicleRegistry registry;
    private final VehicleChanges changes;
    private final Labels labels;

    VehicleFacts(VehicleRegistry registry, VehicleChanges changes, Labels labels) {
        this.labels = labels;
        this.registry = registry;
        this.changes = changes;
    }

    /** The applicant's vehicle on the register with the plate answered, if it is one. */
    Optional<Vehicle> owned(Submitted application) {
        String plate = Answers.text(application, "plate");
        Optional<PlateNumber> parsed = PlateNumber.tryParse(plate);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return changes.onRegister(new Party(Party.Kind.PERSON, application.applicant())).stream()
                .filter(v -> v.plate().equals(parsed.get().value())).findFirst();
    }

    /** Obstacle keys for a vehicle the applicant must own: none when they do. */
    List<String> ownershipObstacles(Submitted application) {
        Optional<PlateNumber> plate = PlateNumber.tryParse(Answers.text(application, "plate"));
        if (plate.isEmpty() || !registry.exists(plate.get().value())) {
            return List.of("obstacle.vehicle_not_found");
        }
        if (changes.deregisteredOn(plate.get().value()).isPresent()) {
            return List.of("obstacle.vehicle_deregistered");
        }
        if (owned(application).isEmpty()) {
            return List.of("obstacle.applicant_not_owner");
        }
        return List.of();
    }

    String label(String code) {
        return labels.of(code);
    }

    Vehicle requireOwned(Submitted application) {
        return owned(application).orElseThrow(() -> new ActionRefused("not_the_owner", Answers.text(application, "plate")));
    }

    /** When the current owner became owner: the last registration or transfer. */
    String ownerSince(String plate) {
        return registry.history(plate).stream()
                .filter(e -> e.type() == VehicleEvent.Type.REGISTRATION || e.type() == VehicleEvent.Type.TRANSFER)
                .reduce((a, b) -> b).map(e -> e.occurredOn().toString()).orElse("—");
    }

    static void describe(Vehicle v, Map<String, String> out) {
        out.put("fact.plate", v.plate());
        out.put("fact.vin", v.vin());
        out.put("fact.vehicle", v.make() + " " + v.model() + ", " + v.year() + ", " + v.colour());
    }
}
