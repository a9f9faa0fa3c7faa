package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the welfare services' approvals share: the officer decides the amount and period ({@code decision.amount},
 * {@code decision.fromDate}, {@code decision.untilDate}); the grant is recorded in the welfare register for the
 * applicant. Each service adds the checks of its own law as obstacles.
 */
abstract class WelfareGrant implements ApprovalAction {

    final WelfareBenefits welfare;
    final CivilRegistry persons;
    final Clock clock;
    final Labels labels;

    WelfareGrant(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels) {
        this.labels = labels;
        this.welfare = welfare;
        this.persons = persons;
        this.clock = clock;
    }

    abstract WelfareBenefit.Kind kind();

    boolean monthly() {
        return true;
    }

    /** The service's own checks, on a living applicant found in the civil registry. */
    abstract void check(Submitted application, Person applicant, List<String> found);

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        Optional<Person> p = persons.own(application.applicant());
        if (p.isEmpty()) {
            found.add("obstacle.person_not_in_registry");
            return found;
        }
        if (!p.get().alive()) {
            found.add("obstacle.person_deceased");
            return found;
        }
        if (kind().pension() && welfare.ofPerson(application.applicant()).stream()
                .anyMatch(b -> b.kind().pension() && b.currentOn(today()))) {
            found.add("obstacle.pension_already_granted");
        }
        check(application, p.get(), found);
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        LocalDate from = Answers.date(application, "decision.fromDate");
        WelfareBenefit b = welfare.grant(application.applicant(), kind(), monthly(),
                Answers.amount(application, "decision.amount"), from == null ? today() : from,
                Answers.date(application, "decision.untilDate"), application.reference(), Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.benefitKind", labels.of(b.kind().name()));
        out.put(b.monthly() ? "fact.monthlyAmount" : "fact.refundAmount", b.amount().stripTrailingZeros().toPlainString());
        out.put("fact.benefitFrom", b.fromDate().toString());
        if (b.monthly()) {
            out.put("fact.benefitUntil", b.untilDate() == null ? "—" : b.untilDate().toString());
        }
        return out;
    }
}
