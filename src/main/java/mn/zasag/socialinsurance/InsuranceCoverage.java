package mn.zasag.socialinsurance;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is covered besides through an employer, and what the fund has granted: voluntary social insurance
 * contracts (herders, the self-employed, Mongolians working abroad, students), health insurance registrations
 * (each issues a book number) and benefits paid from the social insurance fund (the pregnancy and birth
 * benefit). One transaction and one audit entry per change; only officers of {@value SocialInsurance#OWNER_AGENCY}
 * write.
 */
@Service
public class InsuranceCoverage {

    /**
     * The statutory minimum wage from 1 January 2025 (792,000 ₮ a month, National Tripartite Committee on Labour
     * and Social Partnership): a voluntary contract may not insure a lower income.
     */
    public static final BigDecimal MINIMUM_WAGE = new BigDecimal("792000");
    /** Contribution months the pregnancy and birth benefit requires (Law on Social Insurance Benefits). */
    public static final int MATERNITY_MONTHS = 12;
    public static final Set<String> VOLUNTARY_CATEGORIES = Set.of("HERDER", "SELF_EMPLOYED", "ABROAD", "STUDENT", "OTHER");
    public static final Set<String> HEALTH_CATEGORIES = Set.of("SELF_EMPLOYED", "HERDER", "STUDENT", "UNEMPLOYED",
            "STATE_PAID", "OTHER");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    public record VoluntaryContract(String contractNumber, String registerNumber, String category, BigDecimal incomeBase,
                                    YearMonth fromMonth) {
    }

    public record HealthInsurance(String bookNumber, String registerNumber, String category, LocalDate fromDate) {
    }

    public record Benefit(long id, String registerNumber, String kind, BigDecimal amount, LocalDate fromDate,
                          LocalDate untilDate) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final SocialInsurance insurance;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InsuranceCoverage(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, SocialInsurance insurance,
                      TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.insurance = insurance;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Concludes a voluntary insurance contract and issues its social insurance book (the contract number). */
    public VoluntaryContract enrolVoluntary(String registerNumber, String category, BigDecimal incomeBase, YearMonth from,
                                            String legalBasis, Actor officer) {
        String rn = insured(registerNumber, officer);
        String basis = SocialInsurance.legalBasis(legalBasis);
        if (category == null || !VOLUNTARY_CATEGORIES.contains(category)) {
            throw InsuranceProblem.invalid("category_invalid");
        }
        BigDecimal income = SocialInsurance.amount(incomeBase);
        if (income.compareTo(MINIMUM_WAGE) < 0) {
            throw InsuranceProblem.refused("income_below_minimum");
        }
        YearMonth now = YearMonth.now(clock.withZone(MONGOLIA));
        YearMonth start = from == null ? now : from;
        if (start.isBefore(now) || start.isAfter(now.plusMonths(12))) {
            throw InsuranceProblem.refused("month_invalid");
        }
        return transaction.execute(status -> {
            String number = "СД" + next();
            try {
                jdbc.sql("""
                        insert into socialinsurance.voluntary_contract (contract_number, register_number, category, income_base,
                            from_month, concluded_at, registrar, registrar_agency, legal_basis)
                        values (:n, :rn, :c, :i, :m, :now, :registrar, :agency, :basis)""")
                        .param("n", number).param("rn", rn).param("c", category).param("i", income).param("m", start.atDay(1))
                        .param("now", OffsetDateTime.now(clock)).param("registrar", officer.login())
                        .param("agency", officer.agencyCode()).param("basis", basis).update();
            } catch (DuplicateKeyException e) {
                throw InsuranceProblem.conflict("voluntary_contract_exists");
            }
            audit.record(AuditEvent.success("socialinsurance.voluntary.enrolled", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "contract", number, "category", category)));
            return new VoluntaryContract(number, rn, category, income, start);
        });
    }

    /** Registers a person for health insurance (not through an employer) and issues the book number. */
    public HealthInsurance registerHealth(String registerNumber, String category, LocalDate from, String legalBasis,
                                          Actor officer) {
        String rn = insured(registerNumber, officer);
        String basis = SocialInsurance.legalBasis(legalBasis);
        if (category == null || !HEALTH_CATEGORIES.contains(category)) {
            throw InsuranceProblem.invalid("category_invalid");
        }
        LocalDate today = LocalDate.now(clock.withZone(MONGOLIA));
        LocalDate start = from == null ? today : from;
        if (start.isBefore(today.minusMonths(1)) || start.isAfter(today.plusMonths(12))) {
            throw InsuranceProblem.refused("period_invalid");
        }
        return transaction.execute(status -> {
            String number = "ЭМД" + next();
            try {
                jdbc.sql("""
                        insert into socialinsurance.health_insurance (book_number, register_number, category, from_date,
                            registered_at, registrar, registrar_agency, legal_basis)
                        values (:n, :rn, :c, :f, :now, :registrar, :agency, :basis)""")
                        .param("n", number).param("rn", rn).param("c", category).param("f", start)
                        .param("now", OffsetDateTime.now(clock)).param("registrar", officer.login())
                        .param("agency", officer.agencyCode()).param("basis", basis).update();
            } catch (DuplicateKeyException e) {
                throw InsuranceProblem.conflict("health_insurance_exists");
            }
            audit.record(AuditEvent.success("socialinsurance.health.registered", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "book", number, "category", category)));
            return new HealthInsurance(number, rn, category, start);
        });
    }

    /**
     * Grants the pregnancy and birth benefit for a period; refused unless the person has at least
     * {@value #MATERNITY_MONTHS} insured months.
     */
    public Benefit grantMaternity(String registerNumber, BigDecimal amount, LocalDate from, LocalDate until, String legalBasis,
                                  Actor officer) {
        String rn = insured(registerNumber, officer);
        String basis = SocialInsurance.legalBasis(legalBasis);
        BigDecimal a = SocialInsurance.amount(amount);
        if (from == null || until == null || until.isBefore(from) || until.isAfter(from.plusYears(1))) {
            throw InsuranceProblem.invalid("period_invalid");
        }
        if (insuredMonths(rn) < MATERNITY_MONTHS) {
            throw InsuranceProblem.refused("insured_months_too_few");
        }
        return transaction.execute(status -> {
            long id = jdbc.sql("""
                    insert into socialinsurance.benefit (register_number, kind, amount, from_date, until_date, granted_at,
                        registrar, registrar_agency, legal_basis)
                    values (:rn, 'MATERNITY', :a, :f, :u, :now, :registrar, :agency, :basis) returning id""")
                    .param("rn", rn).param("a", a).param("f", from).param("u", until).param("now", OffsetDateTime.now(clock))
                    .param("registrar", officer.login()).param("agency", officer.agencyCode()).param("basis", basis)
                    .query(Long.class).single();
            audit.record(AuditEvent.success("socialinsurance.benefit.granted", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "kind", "MATERNITY", "amount", a.toPlainString(),
                            "benefit", Long.toString(id))));
            return new Benefit(id, rn, "MATERNITY", a, from, until);
        });
    }

    /** Insured months as the contributions show them (0 when none). */
    public int insuredMonths(String registerNumber) {
        return insurance.own(registerNumber).map(InsuranceRecord::insuredMonths).orElse(0);
    }

    public Optional<VoluntaryContract> voluntaryContract(String registerNumber) {
        return jdbc.sql("""
                select contract_number, register_number, category, income_base, from_month
                from socialinsurance.voluntary_contract where register_number = :rn""").param("rn", registerNumber)
                .query((rs, n) -> new VoluntaryContract(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        YearMonth.from(rs.getObject(5, LocalDate.class)))).optional();
    }

    public Optional<HealthInsurance> healthInsurance(String registerNumber) {
        return jdbc.sql("""
                select book_number, register_number, category, from_date from socialinsurance.health_insurance
                where register_number = :rn""").param("rn", registerNumber)
                .query((rs, n) -> new HealthInsurance(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).optional();
    }

    public List<Benefit> benefits(String registerNumber) {
        return jdbc.sql("""
                select id, register_number, kind, amount, from_date, until_date from socialinsurance.benefit
                where register_number = :rn order by from_date, id""").param("rn", registerNumber)
                .query((rs, n) -> new Benefit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class))).list();
    }

    private String insured(String registerNumber, Actor officer) {
        if (officer == null || !SocialInsurance.OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("socialinsurance.write.denied", AuditEvent.Outcome.DENIED, "person",
                    registerNumber == null || registerNumber.length() > 20 ? null : registerNumber, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw InsuranceProblem.ownerOnly();
        }
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        Person person = persons.own(rn).orElseThrow(() -> InsuranceProblem.refused("insured_unknown"));
        if (!person.alive()) {
            throw InsuranceProblem.refused("insured_deceased");
        }
        return rn;
    }

    private long next() {
        return jdbc.sql("select nextval('socialinsurance.book_number')").query(Long.class).single();
    }
}
