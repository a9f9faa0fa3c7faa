package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** GASR-CIV-003, decided at once: the registered residential address and since when the person lives there. */
@Component
class AddressReference implements ApprovalAction {

    private final CivilFacts facts;
    private final CivilRegistry registry;

    AddressReference(CivilFacts facts, CivilRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "registry.address-reference";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Person p = facts.person(application.applicant(), Answers.basis(application));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.fullName", p.fullName());
        out.put("fact.registerNumber", p.registerNumber());
        out.put("fact.addressDivision", p.addressDivision() == null ? "—" : facts.divisionName(p.addressDivision()));
        out.put("fact.addressLine", p.addressLine() == null ? "—" : p.addressLine());
        out.put("fact.livingSince", registry.history(p.registerNumber()).stream()
                .filter(e -> e.type() == CivilEventType.ADDRESS_CHANGE || e.type() == CivilEventType.BIRTH)
                .reduce((a, b) -> b).map(e -> e.occurredOn().toString()).orElse("—"));
        return out;
    }
}
