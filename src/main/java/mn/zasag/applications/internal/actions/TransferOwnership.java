package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleEvent;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MRT-VEH-001, an officer's decision: the seller (the applicant) transfers one of their vehicles to the buyer, a
 * living person of the civil registry. The registry appends a transfer to the vehicle's history (the seller stays
 * in it as the previous owner). Liens are not modelled in the vehicle registry yet, so none is checked.
 */
@Component
class TransferOwnership implements ApprovalAction {

    private final VehicleRegistry vehicles;
    private final VehicleFacts facts;
    private final CivilRegistry persons;
    private final Clock clock;

    TransferOwnership(VehicleRegistry vehicles, VehicleFacts facts, CivilRegistry persons, Clock clock) {
        this.vehicles = vehicles;
        this.facts = facts;
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "vehicles.transfer-ownership";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>(facts.ownershipObstacles(application));
        String buyer = Answers.text(application, "buyerRegisterNumber");
        Optional<Person> person = buyer == null || !RegisterNumber.isValid(buyer, clock) ? Optional.empty() : persons.own(buyer);
        if (person.isEmpty()) {
            found.add("obstacle.buyer_not_in_registry");
        } else if (!person.get().alive()) {
            found.add("obstacle.buyer_deceased");
        } else if (person.get().registerNumber().equals(application.applicant())) {
            found.add("obstacle.buyer_is_seller");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Vehicle vehicle = facts.requireOwned(application);
        String buyer = RegisterNumber.parse(Answers.required(application, "buyerRegisterNumber"), clock).value();
        Person person = persons.own(buyer).filter(Person::alive)
                .orElseThrow(() -> new ActionRefused("answer_missing", "buyerRegisterNumber"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        VehicleEvent event = vehicles.transfer(vehicle.plate(), buyer, today, Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(vehicle, out);
        out.put("fact.previousOwner", application.applicant());
        out.put("fact.newOwner", person.fullName() + " (" + buyer + ")");
        out.put("fact.transferredOn", event.occurredOn().toString());
        String price = Answers.text(application, "price");
        if (price != null) {
            out.put("fact.price", price);
        }
        return out;
    }
}
