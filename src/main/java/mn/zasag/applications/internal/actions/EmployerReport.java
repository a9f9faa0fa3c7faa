package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.legalentity.Director;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.socialinsurance.SocialInsurance;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GASI-SI-007, an officer's decision: the employer's monthly report. The applicant acts for the legal entity only
 * when the entity register names them its director; each report line («register number; wage; contribution»)
 * becomes the month's contribution for that insured person. The attached report file is the signed original the
 * officer checks the lines against.
 */
@Component
class EmployerReport implements ApprovalAction {

    private final SocialInsurance insurance;
    private final LegalEntities entities;
    private final CivilRegistry persons;
    private final Clock clock;

    EmployerReport(SocialInsurance insurance, LegalEntities entities, CivilRegistry persons, Clock clock) {
        this.insurance = insurance;
        this.entities = entities;
        this.persons = persons;
        this.clock = clock;
    }

    record Line(String registerNumber, BigDecimal wage, BigDecimal amount) {
    }

    @Override
    public String name() {
        return "socialinsurance.employer-report";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        Optional<LegalEntity> entity = entity(application);
        if (entity.isEmpty()) {
            found.add("obstacle.entity_not_found");
        } else {
            if (!entity.get().active()) {
                found.add("obstacle.entity_not_active");
            }
            if (!directs(entity.get(), application.applicant())) {
                found.add("obstacle.applicant_not_director");
            }
        }
        try {
            for (Line line : lines(application)) {
                if (!persons.exists(line.registerNumber())) {
                    found.add("obstacle.insured_not_in_registry");
                    break;
                }
            }
        } catch (ActionRefused malformed) {
            found.add("obstacle.report_line_invalid");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        LegalEntity entity = entity(application).orElseThrow(() -> new ActionRefused("not_a_director", "entity"));
        if (!directs(entity, application.applicant())) {
            throw new ActionRefused("not_a_director", entity.registrationNumber());
        }
        YearMonth month = YearMonth.from(Answers.date(application, "month") == null
                ? LocalDate.now(clock).minusMonths(1) : Answers.date(application, "month"));
        List<Line> lines = lines(application);
        BigDecimal wages = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (Line line : lines) {
            insurance.contribute(line.registerNumber(), entity.registrationNumber(), month, line.wage(), line.amount(),
                    Answers.basis(application), officer);
            wages = wages.add(line.wage());
            paid = paid.add(line.amount());
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.employer", entity.nameMn() + " (" + entity.registrationNumber() + ")");
        out.put("fact.reportMonth", month.toString());
        out.put("fact.insuredPersons", Integer.toString(lines.size()));
        out.put("fact.totalWages", wages.toPlainString());
        out.put("fact.totalContributions", paid.toPlainString());
        return out;
    }

    private Optional<LegalEntity> entity(Submitted application) {
        String number = Answers.text(application, "entity");
        return number == null ? Optional.empty() : entities.find(number);
    }

    private static boolean directs(LegalEntity entity, String person) {
        return entity.directors().stream().map(Director::person).anyMatch(person::equals);
    }

    /** «УБ90052114; 2400000; 576000» per line; blank lines ignored. */
    List<Line> lines(Submitted application) {
        List<Line> lines = new ArrayList<>();
        for (String raw : Answers.required(application, "lines").split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split("[;,\\t]");
            if (parts.length != 3 || !RegisterNumber.isValid(parts[0].strip(), clock)) {
                throw new ActionRefused("report_line_invalid", raw.strip());
            }
            try {
                lines.add(new Line(RegisterNumber.parse(parts[0].strip(), clock).value(),
                        new BigDecimal(parts[1].strip().replace(" ", "")), new BigDecimal(parts[2].strip().replace(" ", ""))));
            } catch (NumberFormatException e) {
                throw new ActionRefused("report_line_invalid", raw.strip());
            }
        }
        if (lines.isEmpty()) {
            throw new ActionRefused("report_line_invalid", "");
        }
        return lines;
    }
}
