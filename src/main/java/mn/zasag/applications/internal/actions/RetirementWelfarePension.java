package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.RegisterNumber.Sex;
import mn.zasag.socialinsurance.InsuranceCoverage;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * GASWS-SW-001: the welfare pension for old age goes to men from 60 and women from 55 who have no right to a
 * social insurance pension (Law on Social Welfare, art. 13) — 20 years (240 months) of contributions would give
 * them one, so such a record stands in the way.
 */
@Component
class RetirementWelfarePension extends WelfareGrant {

    static final int MEN_AGE = 60;
    static final int WOMEN_AGE = 55;
    static final int PENSION_MONTHS = 240;

    private final InsuranceCoverage coverage;

    RetirementWelfarePension(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels, InsuranceCoverage coverage) {
        super(welfare, persons, clock, labels);
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return "welfare.retirement-pension";
    }

    @Override
    WelfareBenefit.Kind kind() {
        return WelfareBenefit.Kind.RETIREMENT_PENSION;
    }

    @Override
    void check(Submitted application, Person applicant, List<String> found) {
        int age = applicant.sex() == Sex.FEMALE ? WOMEN_AGE : MEN_AGE;
        if (applicant.birthDate().plusYears(age).isAfter(today())) {
            found.add("obstacle.below_pension_age");
        }
        if (coverage.insuredMonths(applicant.registerNumber()) >= PENSION_MONTHS) {
            found.add("obstacle.entitled_to_insurance_pension");
        }
    }
}
