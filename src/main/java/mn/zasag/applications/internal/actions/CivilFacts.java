package mn.zasag.applications.internal.actions;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.Person;
import mn.zasag.registry.PersonNotFound;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the applicant from the civil registry and names divisions the way documents print them. */
@Component
class CivilFacts {

    private final CivilRegistry registry;
    private final Divisions divisions;
    private final Labels labels;

    CivilFacts(CivilRegistry registry, Divisions divisions, Labels labels) {
        this.labels = labels;
        this.registry = registry;
        this.divisions = divisions;
    }

    /** The person, read with the application as the legal basis (audited like any registry read). */
    Person person(String registerNumber, String basis) {
        return registry.read(registerNumber, basis);
    }

    String label(String code) {
        return labels.of(code);
    }

    Optional<Person> find(String registerNumber) {
        return registry.own(registerNumber);
    }

    /** «Улаанбаатар, Хан-Уул дүүрэг, 3-р хороо» from the top division down; the code when unknown. */
    String divisionName(String code) {
        if (code == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Optional<Division> d = divisions.find(code);
        if (d.isEmpty()) {
            return code;
        }
        while (d.isPresent()) {
            names.add(0, d.get().nameMn());
            d = d.get().parentCode() == null ? Optional.empty() : divisions.find(d.get().parentCode());
        }
        return String.join(", ", names);
    }
}
