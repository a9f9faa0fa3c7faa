package mn.zasag.socialinsurance;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.shared.ProblemException;
import mn.zasag.shared.RegisterNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
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

/**
 * Social insurance contributions: records what an employer paid for an insured person each month.
 *
 * <p>A month is not in the future nor before the person's birth; the contribution is more than zero and not
 * more than the wage; one employer pays once per person and month (a second is a duplicate, 409). Only
 * officers of {@value #OWNER_AGENCY} write; every read by an officer or a system names its legal basis and
 * is audited.
 */
@Service
public class SocialInsurance {

    public static final String OWNER_AGENCY = "GASI";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final LegalEntities entities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SocialInsurance(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, LegalEntities entities,
                    TransactionTemplate transaction, Clock clock) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Records one month's contribution of an employer for an insured person. */
    public Contribution contribute(String registerNumber, String employer, YearMonth month, BigDecimal wage,
                                   BigDecimal amount, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, registerNumber);
        RegisterNumber rn = RegisterNumber.parse(registerNumber, clock);
        String basis = legalBasis(legalBasis);
        String employerId = employer(employer);
        if (month == null) {
            throw InsuranceProblem.invalid("month_invalid");
        }
        if (month.isAfter(YearMonth.now(clock.withZone(MONGOLIA)))) {
            throw InsuranceProblem.refused("month_in_future");
        }
        if (month.isBefore(YearMonth.from(rn.birthDate()))) {
            throw InsuranceProblem.refused("month_before_birth");
        }
        BigDecimal w = amount(wage);
        BigDecimal a = amount(amount);
        if (a.compareTo(w) > 0) {
            throw InsuranceProblem.refused("amount_exceeds_wage");
        }
        if (!persons.exists(rn.value())) {
            throw InsuranceProblem.refused("insured_unknown");
        }
        if (!entities.exists(employerId)) {
            throw InsuranceProblem.refused("employer_unknown");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            long id;
            try {
                id = jdbc.sql("""
                        insert into socialinsurance.contribution (register_number, employer, month, wage, amount,
                            recorded_at, registrar, registrar_agency, legal_basis)
                        values (:rn, :employer, :month, :wage, :amount, :now, :registrar, :agency, :basis) returning id""")
                        .param("rn", rn.value()).param("employer", employerId).param("month", month.atDay(1))
                        .param("wage", w).param("amount", a).param("now", now).param("registrar", officer.login())
                        .param("agency", officer.agencyCode()).param("basis", basis).query(Long.class).single();
            } catch (DuplicateKeyException e) {
                throw InsuranceProblem.conflict("contribution_exists");
            }
            audit.record(AuditEvent.success("socialinsurance.contribution.recorded", "person", rn.value())
                    .withDetails(Map.of("legal_basis", basis, "employer", employerId, "month", month.toString(),
                            "contribution", Long.toString(id))));
            return contributions(rn.value()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        });
    }

    /** An officer's or a system's read of a person's contributions, audited with its legal basis. */
    public InsuranceRecord read(String registerNumber, String legalBasis) {
        String basis = legalBasis(legalBasis);
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        return transaction.execute(status -> {
            InsuranceRecord found = record(rn).orElseThrow(InsuranceProblem::notFound);
            audit.record(AuditEvent.success("socialinsurance.person.read", "person", rn)
                    .withDetails(Map.of("legal_basis", basis)));
            return found;
        });
    }

    /** A citizen's own contributions; not audited as a third-party read. */
    public Optional<InsuranceRecord> own(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return Optional.empty();
        }
        return record(RegisterNumber.parse(registerNumber, clock).value());
    }

    private Optional<InsuranceRecord> record(String rn) {
        List<Contribution> contributions = contributions(rn);
        if (contributions.isEmpty()) {
            return Optional.empty();
        }
        int months = (int) contributions.stream().map(Contribution::month).distinct().count();
        BigDecimal total = contributions.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new InsuranceRecord(rn, contributions, months, total));
    }

    private List<Contribution> contributions(String rn) {
        return jdbc.sql("""
                select id, register_number, employer, month, wage, amount, recorded_at, registrar, registrar_agency,
                       legal_basis from socialinsurance.contribution where register_number = :rn order by month desc, id""")
                .param("rn", rn).query(CONTRIBUTION).list();
    }

    private void requireOwnerAgency(Actor officer, String registerNumber) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("socialinsurance.write.denied", AuditEvent.Outcome.DENIED, "person",
                    registerNumber == null || registerNumber.length() > 20 ? null : registerNumber, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw InsuranceProblem.ownerOnly();
        }
    }

    private String employer(String raw) {
        Party party;
        try {
            party = Party.parse(raw, clock);
        } catch (ProblemException | IllegalArgumentException e) {
            throw InsuranceProblem.invalid("employer_invalid");
        }
        if (party.person()) {
            throw InsuranceProblem.invalid("employer_invalid");
        }
        return party.id();
    }

    static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw InsuranceProblem.invalid("amount_invalid");
        }
        return amount.setScale(2);
    }

    static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw InsuranceProblem.invalid("legal_basis_invalid");
        }
        return basis;
    }

    private static final RowMapper<Contribution> CONTRIBUTION = (rs, n) -> new Contribution(rs.getLong(1),
            rs.getString(2), rs.getString(3), YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getBigDecimal(5),
            rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
            rs.getString(10));
}
