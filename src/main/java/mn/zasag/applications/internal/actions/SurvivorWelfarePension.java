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
import java.util.Map;
import java.util.Optional;

/**
 * GASWS-SW-003: the welfare pension for those who lost their provider. The provider named must be recorded as dead
 * in the civil registry; a living or unknown provider stands in the way.
 */
@Component
class SurvivorWelfarePension extends WelfareGrant {

    SurvivorWelfarePension(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels) {
        super(welfare, persons, clock, labels);
    }

    @Override
    public String name() {
        return "welfare.survivor-pension";
    }

    @Override
    WelfareBenefit.Kind kind() {
        return WelfareBenefit.Kind.SURVIVOR_PENSION;
    }

    @Override
    void check(Submitted application, Person applicant, List<String> found) {
        String deceased = Answers.text(application, "deceasedRegisterNumber");
        Optional<Person> provider = deceased == null || !RegisterNumber.isValid(deceased, clock)
                ? Optional.empty() : persons.own(deceased);
        if (provider.isEmpty()) {
            found.add("obstacle.provider_not_in_registry");
        } else if (provider.get().alive()) {
            found.add("obstacle.provider_alive");
        }
    }

    @Override
    public Map<String, String> apply(Submitted application, mn.zasag.shared.Actor officer) {
        Person provider = persons.own(Answers.required(application, "deceasedRegisterNumber"))
                .filter(p -> !p.alive()).orElseThrow(() -> new ActionRefused("provider_alive", "deceasedRegisterNumber"));
        Map<String, String> out = super.apply(application, officer);
        out.put("fact.provider", provider.fullName() + " (" + provider.registerNumber() + ")");
        out.put("fact.providerDiedOn", provider.deathDate().toString());
        return out;
    }
}
