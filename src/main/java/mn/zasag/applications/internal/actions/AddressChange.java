package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GASR-CIV-006, an officer's decision: the move is recorded as the civil event address change (migration) on the
 * day the applicant moved, which brings the registered address up to date.
 */
@Component
class AddressChange implements ApprovalAction {

    private final CivilRegistry registry;
    private final CivilFacts facts;
    private final Clock clock;

    AddressChange(CivilRegistry registry, CivilFacts facts, Clock clock) {
        this.registry = registry;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "registry.address-change";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        Optional<Person> p = registry.own(application.applicant());
        if (p.isEmpty()) {
            found.add("obstacle.person_not_in_registry");
        } else if (!p.get().alive()) {
            found.add("obstacle.person_deceased");
        } else if (Objects.equals(p.get().addressDivision(), Answers.text(application, "division"))
                && Objects.equals(p.get().addressLine(), Answers.text(application, "addressLine"))) {
            found.add("obstacle.address_unchanged");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        String division = Answers.required(application, "division");
        LocalDate movedOn = Answers.date(application, "movedOn");
        LocalDate on = movedOn == null ? LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar"))) : movedOn;
        CivilEvent event = registry.record(application.applicant(), NewCivilEvent.addressChange(on, Answers.basis(application),
                division, Answers.text(application, "addressLine")), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.addressDivision", facts.divisionName(division));
        out.put("fact.addressLine", event.details().getOrDefault("address_line", "—"));
        out.put("fact.previousDivision", event.details().containsKey("previous_division")
                ? facts.divisionName(event.details().get("previous_division")) : "—");
        out.put("fact.movedOn", on.toString());
        out.put("fact.civilEvent", Long.toString(event.id()));
        return out;
    }
}
