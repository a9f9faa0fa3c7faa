package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * GASWS-SW-002: the welfare pension for loss of working capacity goes to people from 16 whom the medical
 * commission found to have lost 50 % or more of their capacity to work.
 */
@Component
class DisabilityWelfarePension extends WelfareGrant {

    static final int MIN_LOSS_PERCENT = 50;
    static final int MIN_AGE = 16;

    DisabilityWelfarePension(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels) {
        super(welfare, persons, clock, labels);
    }

    @Override
    public String name() {
        return "welfare.disability-pension";
    }

    @Override
    WelfareBenefit.Kind kind() {
        return WelfareBenefit.Kind.DISABILITY_PENSION;
    }

    @Override
    void check(Submitted application, Person applicant, List<String> found) {
        String percent = Answers.text(application, "lossPercent");
        if (percent == null || Integer.parseInt(percent) < MIN_LOSS_PERCENT) {
            found.add("obstacle.capacity_loss_too_low");
        }
        if (applicant.birthDate().plusYears(MIN_AGE).isAfter(today())) {
            found.add("obstacle.below_minimum_age");
        }
    }
}
