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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GASR-CIV-004, decided at once: married (to whom, since when), divorced (when), widowed, or never married —
 * worked out from the civil events, since «never married» is the absence of any marriage.
 */
@Component
class MaritalReference implements ApprovalAction {

    private final CivilFacts facts;
    private final CivilRegistry registry;

    MaritalReference(CivilFacts facts, CivilRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "registry.marital-reference";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Person p = facts.person(application.applicant(), Answers.basis(application));
        List<CivilEvent> history = registry.history(p.registerNumber());
        Optional<CivilEvent> lastMarriage = history.stream().filter(e -> e.type() == CivilEventType.MARRIAGE).reduce((a, b) -> b);
        Optional<CivilEvent> lastDivorce = history.stream().filter(e -> e.type() == CivilEventType.DIVORCE).reduce((a, b) -> b);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.fullName", p.fullName());
        out.put("fact.registerNumber", p.registerNumber());
        if (p.spouse() != null) {
            Optional<Person> spouse = facts.find(p.spouse());
            boolean widowed = spouse.isPresent() && !spouse.get().alive();
            out.put("fact.maritalStatus", facts.label(widowed ? "WIDOWED" : "MARRIED"));
            out.put("fact.spouse", spouse.map(Person::fullName).orElse("") + " (" + p.spouse() + ")");
            lastMarriage.ifPresent(m -> out.put("fact.marriedOn", m.occurredOn().toString()));
            if (widowed) {
                out.put("fact.spouseDiedOn", spouse.get().deathDate().toString());
            }
        } else if (lastDivorce.isPresent()) {
            out.put("fact.maritalStatus", facts.label("DIVORCED"));
            out.put("fact.divorcedOn", lastDivorce.get().occurredOn().toString());
            lastMarriage.ifPresent(m -> out.put("fact.marriedOn", m.occurredOn().toString()));
        } else {
            out.put("fact.maritalStatus", facts.label("NEVER_MARRIED"));
        }
        out.put("fact.marriages", Long.toString(history.stream().filter(e -> e.type() == CivilEventType.MARRIAGE).count()));
        return out;
    }
}
