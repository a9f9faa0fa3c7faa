package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POLICE-DL-003, an officer's decision: the officer records whether the applicant passed the test for the category
 * ({@code decision.testPassed}, {@code decision.testDate}); only a passed test adds it, on a new card.
 */
@Component
class AddCategory implements ApprovalAction {

    private final DrivingLicences licences;
    private final LicenceFacts facts;

    AddCategory(DrivingLicences licences, LicenceFacts facts) {
        this.licences = licences;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "licences.add-category";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>(facts.obstacles(application.applicant(), false));
        String category = Answers.text(application, "category");
        if (found.isEmpty() && licences.current(application.applicant()).map(l -> l.categories().contains(category)).orElse(false)) {
            found.add("obstacle.category_held");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        if (!"yes".equals(Answers.decision(application, "testPassed"))) {
            throw new ActionRefused("driving_test_not_passed", Answers.text(application, "category"));
        }
        String testDate = Answers.decision(application, "testDate");
        LocalDate passedOn = testDate == null ? facts.today() : LocalDate.parse(testDate);
        Licence card = licences.addCategory(application.applicant(), Answers.required(application, "category"), passedOn,
                Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        LicenceFacts.describe(card, out);
        out.put("fact.categoryAdded", Answers.required(application, "category"));
        out.put("fact.testDate", passedOn.toString());
        return out;
    }
}
