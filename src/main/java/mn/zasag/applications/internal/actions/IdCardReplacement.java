package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.CivilIdNumbers;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.IdCardValidity;
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
import java.util.Optional;

/**
 * GASR-CIV-005, an officer's decision: a new national ID card with a new number, recorded as the civil event
 * ID card issue (its legal basis the application and the reason), so the old number is no longer the person's.
 */
@Component
class IdCardReplacement implements ApprovalAction {

    private final CivilRegistry registry;
    private final CivilIdNumbers numbers;
    private final Clock clock;

    IdCardReplacement(CivilRegistry registry, CivilIdNumbers numbers, Clock clock) {
        this.registry = registry;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "registry.id-card-replacement";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        Optional<Person> p = registry.own(application.applicant());
        if (p.isEmpty()) {
            found.add("obstacle.person_not_in_registry");
        } else if (!p.get().alive()) {
            found.add("obstacle.person_deceased");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        String reason = Answers.required(application, "reason");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        String civilId = numbers.next();
        Person before = registry.own(application.applicant()).orElseThrow(mn.zasag.registry.PersonNotFound::new);
        CivilEvent event = registry.record(application.applicant(),
                NewCivilEvent.idCard(today, Answers.basis(application) + "; " + reason, civilId), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.fullName", before.fullName());
        out.put("fact.civilId", civilId);
        out.put("fact.previousCivilId", before.civilId() == null ? "—" : before.civilId());
        out.put("fact.issuedOn", event.occurredOn().toString());
        out.put("fact.validUntil", IdCardValidity.validUntil(before.birthDate(), today).map(LocalDate::toString).orElse("—"));
        out.put("fact.civilEvent", Long.toString(event.id()));
        return out;
    }
}
