package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GASR-CIV-001, decided at once: the birth as the civil registry recorded it — name, register number, sex, date
 * and place of birth, citizenship and the registration (certificate) it rests on. The registry does not hold
 * parents, so the reference does not name them.
 */
@Component
class BirthReference implements ApprovalAction {

    private final CivilFacts facts;
    private final CivilRegistry registry;

    BirthReference(CivilFacts facts, CivilRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "registry.birth-reference";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Person p = facts.person(application.applicant(), Answers.basis(application));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.fullName", (p.clanName() == null ? "" : p.clanName() + " ") + p.fullName());
        out.put("fact.registerNumber", p.registerNumber());
        out.put("fact.sex", facts.label(p.sex().name()));
        out.put("fact.birthDate", p.birthDate().toString());
        out.put("fact.birthPlace", p.birthPlace() == null ? "—" : facts.divisionName(p.birthPlace()));
        out.put("fact.citizenship", p.citizenship());
        registry.history(p.registerNumber()).stream().filter(e -> e.type() == CivilEventType.BIRTH).findFirst()
                .ifPresent((CivilEvent birth) -> {
                    out.put("fact.birthRegisteredOn", birth.recordedAt().toLocalDate().toString());
                    out.put("fact.birthRegistration", birth.legalBasis());
                });
        return out;
    }
}
