package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.customs.CustomsDebts;
import mn.zasag.customs.CustomsRecord;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleRegistry;
import mn.zasag.vehicles.Vin;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MRT-VEH-002, an officer's decision: an imported vehicle is registered to the applicant under the next free
 * plate of the region they live in. Customs must have cleared the importer: an outstanding customs debt stands in
 * the way (read through the customs register), as does a VIN already on the register.
 */
@Component
class RegisterImported implements ApprovalAction {

    private final VehicleChanges changes;
    private final VehicleRegistry vehicles;
    private final CustomsDebts customs;
    private final CivilRegistry persons;

    RegisterImported(VehicleChanges changes, VehicleRegistry vehicles, CustomsDebts customs, CivilRegistry persons) {
        this.changes = changes;
        this.vehicles = vehicles;
        this.customs = customs;
        this.persons = persons;
    }

    @Override
    public String name() {
        return "vehicles.register-imported";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        CustomsRecord debts = customs.read(application.applicant(), Answers.basis(application));
        if (!debts.clear()) {
            found.add("obstacle.customs_debt_outstanding");
        }
        Optional<Vin> vin = Vin.tryParse(Answers.text(application, "vin"));
        if (vin.isEmpty()) {
            found.add("obstacle.vin_invalid");
        } else if (!vehicles.search(vin.get().value(), Answers.basis(application)).isEmpty()) {
            found.add("obstacle.vin_registered");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        CustomsRecord debts = customs.read(application.applicant(), Answers.basis(application));
        if (!debts.clear()) {
            throw new ActionRefused("customs_debt_outstanding", debts.outstanding().toPlainString());
        }
        Person owner = persons.own(application.applicant()).orElseThrow(mn.zasag.registry.PersonNotFound::new);
        int year = Integer.parseInt(Answers.required(application, "year"));
        Vehicle v = changes.registerWithNewPlate(new NewVehicle(null, Answers.required(application, "vin"),
                Answers.required(application, "make"), Answers.required(application, "model"), year,
                Answers.required(application, "colour"), application.applicant(), null,
                Answers.basis(application) + "; " + Answers.required(application, "customsDeclaration")),
                owner.addressDivision(), officer);
        Map<String, String> out = new LinkedHashMap<>();
        VehicleFacts.describe(v, out);
        out.put("fact.owner", owner.fullName() + " (" + owner.registerNumber() + ")");
        out.put("fact.registeredOn", v.registeredOn().toString());
        out.put("fact.customsDeclaration", Answers.required(application, "customsDeclaration"));
        return out;
    }
}
