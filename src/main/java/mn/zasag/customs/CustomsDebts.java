package mn.zasag.customs;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.shared.RegisterNumber;
import org.springframework.dao.DuplicateKeyException;
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
import java.util.regex.Pattern;

/**
 * Customs debts: assesses a debt on a person or entity for a declaration and records payments against it.
 *
 * <p>A payment may not exceed what is still owed on its debt ({@code payment_exceeds_debt}; overpayments are
 * refunds, not modelled here) and nothing is written then. Payments on one debt are serialised by locking
 * the debt's row. Only officers of {@value #OWNER_AGENCY} write; every read names its legal basis and is audited.
 */
@Service
public class CustomsDebts {

    public static final String OWNER_AGENCY = "CUSTOMS";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000");
    private static final Pattern DECLARATION = Pattern.compile("^[A-Z0-9А-ЯЁӨҮ/-]{1,40}$");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final LegalEntities entities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CustomsDebts(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, LegalEntities entities,
                 TransactionTemplate transaction, Clock clock) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Assesses a debt for a customs declaration (its number unique). */
    public CustomsDebt assess(String debtor, String declaration, BigDecimal amount, LocalDate assessedOn,
                              String legalBasis, Actor officer) {
        requireOwnerAgency(officer, debtor);
        Party party = Party.parse(debtor, clock);
        String basis = legalBasis(legalBasis);
        String number = declaration == null ? "" : declaration.strip().toUpperCase(java.util.Locale.ROOT);
        if (!DECLARATION.matcher(number).matches()) {
            throw CustomsProblem.invalid("declaration_invalid");
        }
        BigDecimal value = amount(amount);
        LocalDate on = pastOrToday(assessedOn);
        if (party.person() ? !persons.exists(party.id()) : !entities.exists(party.id())) {
            throw CustomsProblem.refused("debtor_unknown");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            long id;
            try {
                id = jdbc.sql("""
                        insert into customs.debt (debtor_kind, debtor_id, declaration, amount, assessed_on, recorded_at,
                            registrar, registrar_agency, legal_basis)
                        values (:kind, :debtor, :declaration, :amount, :on, :now, :registrar, :agency, :basis) returning id""")
                        .param("kind", party.kind().name()).param("debtor", party.id()).param("declaration", number)
                        .param("amount", value).param("on", on).param("now", now).param("registrar", officer.login())
                        .param("agency", officer.agencyCode()).param("basis", basis).query(Long.class).single();
            } catch (DuplicateKeyException e) {
                throw CustomsProblem.conflict("declaration_exists");
            }
            audit.record(AuditEvent.success("customs.debt.assessed", "debtor", party.id())
                    .withDetails(Map.of("legal_basis", basis, "declaration", number, "amount", value.toPlainString(),
                            "debt", Long.toString(id))));
            return debt(id);
        });
    }

    /** Records a payment against a debt. */
    public CustomsDebt pay(long debtId, BigDecimal amount, LocalDate paidOn, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, Long.toString(debtId));
        String basis = legalBasis(legalBasis);
        BigDecimal value = amount(amount);
        LocalDate on = pastOrToday(paidOn);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            jdbc.sql("select id from customs.debt where id = :id for update").param("id", debtId).query(Long.class)
                    .optional().orElseThrow(CustomsProblem::notFound);
            CustomsDebt debt = debt(debtId);
            if (on.isBefore(debt.assessedOn())) {
                throw CustomsProblem.refused("date_before_assessment");
            }
            if (value.compareTo(debt.outstanding()) > 0) {
                throw CustomsProblem.refused("payment_exceeds_debt");
            }
            long id = jdbc.sql("""
                    insert into customs.payment (debt_id, amount, paid_on, recorded_at, registrar, registrar_agency, legal_basis)
                    values (:debt, :amount, :on, :now, :registrar, :agency, :basis) returning id""")
                    .param("debt", debtId).param("amount", value).param("on", on).param("now", now)
                    .param("registrar", officer.login()).param("agency", officer.agencyCode()).param("basis", basis)
                    .query(Long.class).single();
            audit.record(AuditEvent.success("customs.payment.recorded", "debtor", debt.debtor().id())
                    .withDetails(Map.of("legal_basis", basis, "debt", Long.toString(debtId), "amount",
                            value.toPlainString(), "payment", Long.toString(id))));
            return debt(debtId);
        });
    }

    /** An officer's or a system's read of a debtor's customs debts, audited with its legal basis. */
    public CustomsRecord read(String debtor, String legalBasis) {
        String basis = legalBasis(legalBasis);
        Party party = Party.parse(debtor, clock);
        return transaction.execute(status -> {
            CustomsRecord found = debts(party);
            audit.record(AuditEvent.success("customs.debtor.read", "debtor", party.id())
                    .withDetails(Map.of("legal_basis", basis, "debts", Integer.toString(found.debts().size()))));
            return found;
        });
    }

    /** A citizen's own customs debts; not audited as a third-party read. */
    public CustomsRecord own(String registerNumber) {
        return debts(new Party(Party.Kind.PERSON, RegisterNumber.parse(registerNumber, clock).value()));
    }

    /** The debtor of a debt, for pages that go from a debt back to its debtor. */
    public Party debtorOf(long debtId) {
        return jdbc.sql("select debtor_kind, debtor_id from customs.debt where id = :id").param("id", debtId)
                .query((rs, n) -> new Party(Party.Kind.valueOf(rs.getString(1)), rs.getString(2))).optional()
                .orElseThrow(CustomsProblem::notFound);
    }

    private CustomsRecord debts(Party party) {
        List<Long> ids = jdbc.sql("select id from customs.debt where debtor_id = :d and debtor_kind = :k order by assessed_on desc, id desc")
                .param("d", party.id()).param("k", party.kind().name()).query(Long.class).list();
        List<CustomsDebt> debts = ids.stream().map(this::debt).toList();
        BigDecimal outstanding = debts.stream().map(CustomsDebt::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CustomsRecord(party, debts, outstanding, outstanding.signum() == 0);
    }

    private CustomsDebt debt(long id) {
        List<CustomsDebt.Payment> payments = jdbc.sql("""
                select id, debt_id, amount, paid_on, recorded_at, registrar, legal_basis from customs.payment
                where debt_id = :id order by paid_on, id""")
                .param("id", id)
                .query((rs, n) -> new CustomsDebt.Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getString(7)))
                .list();
        BigDecimal paid = payments.stream().map(CustomsDebt.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return jdbc.sql("""
                select id, debtor_kind, debtor_id, declaration, amount, assessed_on, recorded_at, registrar, legal_basis
                from customs.debt where id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    BigDecimal outstanding = rs.getBigDecimal(5).subtract(paid);
                    return new CustomsDebt(rs.getLong(1), new Party(Party.Kind.valueOf(rs.getString(2)), rs.getString(3)),
                            rs.getString(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9), payments, outstanding,
                            outstanding.signum() == 0 ? CustomsDebt.Status.PAID : CustomsDebt.Status.OPEN);
                })
                .optional().orElseThrow(CustomsProblem::notFound);
    }

    private void requireOwnerAgency(Actor officer, String object) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("customs.write.denied", AuditEvent.Outcome.DENIED, "debtor",
                    object == null || object.length() > 20 ? null : object, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw CustomsProblem.ownerOnly();
        }
    }

    static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw CustomsProblem.invalid("amount_invalid");
        }
        return amount.setScale(2);
    }

    private LocalDate pastOrToday(LocalDate on) {
        LocalDate today = LocalDate.now(clock.withZone(MONGOLIA));
        LocalDate date = on == null ? today : on;
        if (date.isAfter(today)) {
            throw CustomsProblem.refused("date_in_future");
        }
        return date;
    }

    static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw CustomsProblem.invalid("legal_basis_invalid");
        }
        return basis;
    }
}
