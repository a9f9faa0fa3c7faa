package mn.zasag.welfare;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The welfare register: grants pensions, benefits and refunds on an officer's decision. The beneficiary is a
 * living person of the civil registry; a monthly amount runs for a period (or for life); a person holds at most
 * one welfare pension whose period overlaps another's. One transaction and one audit entry per grant; only
 * officers of {@value #OWNER_AGENCY} grant.
 */
@Service
public class WelfareBenefits {

    public static final String OWNER_AGENCY = "GASWS";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WelfareBenefits(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Grants a benefit.
     *
     * @param until last day of a monthly benefit, or null for life; ignored for a one-time payment
     */
    public WelfareBenefit grant(String registerNumber, WelfareBenefit.Kind kind, boolean monthly, BigDecimal amount,
                                LocalDate from, LocalDate until, String reference, String legalBasis, Actor officer) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("welfare.write.denied", AuditEvent.Outcome.DENIED, "person",
                    registerNumber == null || registerNumber.length() > 20 ? null : registerNumber, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw WelfareProblem.ownerOnly();
        }
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        String basis = text(legalBasis, 300);
        String ref = text(reference, 60);
        if (kind == null) {
            throw WelfareProblem.invalid("welfare_details_invalid");
        }
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw WelfareProblem.invalid("welfare_amount_invalid");
        }
        LocalDate today = LocalDate.now(clock.withZone(MONGOLIA));
        LocalDate end = monthly ? until : from;
        if (from == null || from.isBefore(today.minusYears(1)) || from.isAfter(today.plusYears(1))
                || (end != null && end.isBefore(from))) {
            throw WelfareProblem.refused("welfare_period_invalid");
        }
        Person person = persons.own(rn).orElseThrow(() -> WelfareProblem.refused("beneficiary_unknown"));
        if (!person.alive()) {
            throw WelfareProblem.refused("beneficiary_deceased");
        }
        return transaction.execute(status -> {
            // two officers granting pensions to one person at once wait for each other
            jdbc.sql("select pg_advisory_xact_lock(hashtext('welfare:' || :rn))").param("rn", rn).query(Object.class).single();
            if (kind.pension() && ofPerson(rn).stream().anyMatch(b -> b.kind().pension() && overlaps(b, from, end))) {
                throw WelfareProblem.refused("pension_already_granted");
            }
            long id = jdbc.sql("""
                    insert into welfare.benefit (register_number, kind, monthly, amount, from_date, until_date, reference,
                        granted_at, registrar, registrar_agency, legal_basis)
                    values (:rn, :k, :m, :a, :f, :u, :ref, :now, :r, :ag, :b) returning id""")
                    .param("rn", rn).param("k", kind.name()).param("m", monthly).param("a", amount).param("f", from)
                    .param("u", end).param("ref", ref).param("now", OffsetDateTime.now(clock)).param("r", officer.login())
                    .param("ag", officer.agencyCode()).param("b", basis).query(Long.class).single();
            audit.record(AuditEvent.success("welfare.benefit.granted", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "kind", kind.name(), "amount", amount.toPlainString(),
                            "benefit", Long.toString(id))));
            return ofPerson(rn).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
        });
    }

    /** A person's benefits, oldest first. */
    public List<WelfareBenefit> ofPerson(String registerNumber) {
        return jdbc.sql("""
                select id, register_number, kind, monthly, amount, from_date, until_date, reference from welfare.benefit
                where register_number = :rn order by from_date, id""").param("rn", registerNumber).query(BENEFIT).list();
    }

    private static boolean overlaps(WelfareBenefit b, LocalDate from, LocalDate until) {
        boolean startsBeforeItEnds = b.untilDate() == null || !from.isAfter(b.untilDate());
        boolean endsAfterItStarts = until == null || !until.isBefore(b.fromDate());
        return startsBeforeItEnds && endsAfterItStarts;
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            throw new LegalBasisRequired();
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw WelfareProblem.invalid("welfare_details_invalid");
        }
        return v;
    }

    private static final RowMapper<WelfareBenefit> BENEFIT = (rs, n) -> new WelfareBenefit(rs.getLong(1), rs.getString(2),
            WelfareBenefit.Kind.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBigDecimal(5),
            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8));
}
