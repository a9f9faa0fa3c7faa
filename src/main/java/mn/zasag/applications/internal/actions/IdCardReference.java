package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.IdCardValidity;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GASR-CIV-002, decided at once: the applicant's national ID card — number, when issued, until when valid
 * (the 25 / 45 rule of {@link IdCardValidity}) and whether it is valid today.
 */
@Component
class IdCardReference implements ApprovalAction {

    private final CivilFacts facts;
    private final CivilRegistry registry;
    private final Clock clock;

    IdCardReference(CivilFacts facts, CivilRegistry registry, Clock clock) {
        this.facts = facts;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "registry.id-card-reference";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Person p = facts.person(application.applicant(), Answers.basis(application));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        LocalDate issued = IdCardValidity.issuedOn(registry.history(p.registerNumber()));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.fullName", p.fullName());
        out.put("fact.registerNumber", p.registerNumber());
        out.put("fact.civilId", p.civilId() == null ? "—" : p.civilId());
        String status;
        if (p.civilId() == null) {
            status = "NONE";
        } else if (issued == null) {
            status = "VALID";
            out.put("fact.issuedOn", "—");
        } else {
            out.put("fact.issuedOn", issued.toString());
            Optional<LocalDate> until = IdCardValidity.validUntil(p.birthDate(), issued);
            out.put("fact.validUntil", until.map(LocalDate::toString).orElse("—"));
            status = until.isPresent() && until.get().isBefore(today) ? "EXPIRED" : "VALID";
        }
        out.put("fact.cardStatus", facts.label(p.alive() ? status : "INVALID"));
        return out;
    }
}
