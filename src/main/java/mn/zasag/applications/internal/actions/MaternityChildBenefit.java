package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * GASWS-SW-005: the monthly benefit for a mother from the fifth month (20th week) of pregnancy, or for a child
 * under one year. The child must be registered in the civil registry and younger than one.
 */
@Component
class MaternityChildBenefit extends WelfareGrant {

    static final int FROM_WEEK = 20;

    MaternityChildBenefit(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels) {
        super(welfare, persons, clock, labels);
    }

    @Override
    public String name() {
        return "welfare.maternity-benefit";
    }

    @Override
    WelfareBenefit.Kind kind() {
        return WelfareBenefit.Kind.MATERNITY_CHILD_BENEFIT;
    }

    @Override
    void check(Submitted application, Person applicant, List<String> found) {
        if ("INFANT".equals(Answers.text(application, "kind"))) {
            String child = Answers.text(application, "childRegisterNumber");
            Optional<Person> c = child == null || !RegisterNumber.isValid(child, clock) ? Optional.empty() : persons.own(child);
            if (c.isEmpty()) {
                found.add("obstacle.child_not_in_registry");
            } else if (!c.get().birthDate().plusYears(1).isAfter(today())) {
                found.add("obstacle.child_over_one_year");
            }
        } else {
            String week = Answers.text(application, "pregnancyWeek");
            if (week == null || Integer.parseInt(week) < FROM_WEEK) {
                found.add("obstacle.pregnancy_too_early");
            }
        }
    }
}
