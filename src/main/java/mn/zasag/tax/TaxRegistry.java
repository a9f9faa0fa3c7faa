package mn.zasag.tax;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
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
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tax registry: registers taxpayers and records assessed debts and payments in an append-only ledger.
 *
 * <p>A payment may not exceed what is owed for its tax type: overpayments are refunds or offsets, which this
 * registry does not model, so it refuses them ({@code payment_exceeds_debt}) and writes nothing. Writes of
 * one taxpayer are serialised by locking the taxpayer's row. Only officers of {@value #OWNER_AGENCY} write;
 * every read by an officer or a system names its legal basis and is audited.
 */
@Service
public class TaxRegistry {

    public static final String OWNER_AGENCY = "GDT";
    /** Larger than any tax bill: 10 trillion tögrög. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000");
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final Divisions divisions;
    private final LegalEntities entities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TaxRegistry(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, Divisions divisions, LegalEntities entities,
                TransactionTemplate transaction, Clock clock) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.divisions = divisions;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    /** Registers a taxpayer with the tax office of a division (aimag, soum or the capital's district). */
    public TaxAccount registerTaxpayer(String taxpayer, String office, LocalDate registeredOn, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, taxpayer);
        Party party = Party.parse(taxpayer, clock);
        String basis = legalBasis(legalBasis);
        String division = office == null ? "" : office.strip();
        if (divisions.find(division).isEmpty()) {
            throw TaxProblem.refused("tax_office_unknown");
        }
        LocalDate on = pastOrToday(registeredOn);
        if (party.person() ? !persons.exists(party.id()) : !entities.exists(party.id())) {
            throw TaxProblem.refused("taxpayer_unknown");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            try {
                jdbc.sql("""
                        insert into tax.taxpayer (taxpayer_id, kind, office, registered_on, registered_at, registrar, legal_basis)
                        values (:id, :kind, :office, :on, :now, :registrar, :basis)""")
                        .param("id", party.id()).param("kind", party.kind().name()).param("office", division)
                        .param("on", on).param("now", now).param("registrar", officer.login()).param("basis", basis)
                        .update();
            } catch (DuplicateKeyException e) {
                throw TaxProblem.conflict("taxpayer_exists");
            }
            audit.record(AuditEvent.success("tax.taxpayer.registered", "taxpayer", party.id())
                    .withDetails(Map.of("legal_basis", basis, "office", division)));
            return account(party.id()).orElseThrow();
        });
    }

    /** Adds an assessed debt or a payment to a taxpayer's ledger. */
    public TaxEntry recordEntry(String taxpayer, TaxEntry.Type type, TaxType taxType, BigDecimal amount, LocalDate on,
                                String reference, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, taxpayer);
        Party party = Party.parse(taxpayer, clock);
        String basis = legalBasis(legalBasis);
        if (type == null || taxType == null || (reference != null && reference.strip().length() > 100)) {
            throw TaxProblem.invalid("entry_details_invalid");
        }
        BigDecimal value = amount(amount);
        LocalDate date = pastOrToday(on);
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            LocalDate registered = jdbc.sql("select registered_on from tax.taxpayer where taxpayer_id = :id for update")
                    .param("id", party.id()).query(LocalDate.class).optional().orElseThrow(TaxProblem::notFound);
            if (date.isBefore(registered)) {
                throw TaxProblem.refused("date_before_registration");
            }
            if (type == TaxEntry.Type.PAYMENT && value.compareTo(balances(party.id()).getOrDefault(taxType, BigDecimal.ZERO)) > 0) {
                throw TaxProblem.refused("payment_exceeds_debt");
            }
            long id = jdbc.sql("""
                    insert into tax.entry (taxpayer_id, type, tax_type, amount, occurred_on, reference, recorded_at,
                        registrar, registrar_agency, legal_basis)
                    values (:id, :type, :taxType, :amount, :on, :ref, :now, :registrar, :agency, :basis) returning id""")
                    .param("id", party.id()).param("type", type.name()).param("taxType", taxType.name())
                    .param("amount", value).param("on", date).param("ref", ref).param("now", now)
                    .param("registrar", officer.login()).param("agency", officer.agencyCode()).param("basis", basis)
                    .query(Long.class).single();
            audit.record(AuditEvent.success("tax.entry.recorded", "taxpayer", party.id())
                    .withDetails(Map.of("legal_basis", basis, "type", type.name(), "tax_type", taxType.name(),
                            "amount", value.toPlainString(), "entry", Long.toString(id))));
            return entries(party.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        });
    }

    // ---------------------------------------------------------------- reads

    /** An officer's or a system's read of a taxpayer's account, audited with its legal basis. */
    public TaxAccount read(String taxpayer, String legalBasis) {
        String basis = legalBasis(legalBasis);
        Party party = Party.parse(taxpayer, clock);
        return transaction.execute(status -> {
            TaxAccount account = account(party.id()).orElseThrow(TaxProblem::notFound);
            audit.record(AuditEvent.success("tax.taxpayer.read", "taxpayer", party.id())
                    .withDetails(Map.of("legal_basis", basis)));
            return account;
        });
    }

    /** A citizen's own tax account, by their login; not audited as a third-party read. */
    public Optional<TaxAccount> own(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return Optional.empty();
        }
        return account(RegisterNumber.parse(registerNumber, clock).value());
    }

    public boolean exists(String taxpayer) {
        return jdbc.sql("select count(*) from tax.taxpayer where taxpayer_id = :id").param("id", taxpayer)
                .query(Long.class).single() > 0;
    }

    // ---------------------------------------------------------------- rules and rows

    private Optional<TaxAccount> account(String id) {
        return jdbc.sql("select taxpayer_id, kind, office, registered_on from tax.taxpayer where taxpayer_id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)})
                .optional()
                .map(row -> {
                    Map<TaxType, BigDecimal> balances = balances(id);
                    BigDecimal total = balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new TaxAccount(new Party(Party.Kind.valueOf((String) row[1]), (String) row[0]), (String) row[2],
                            (LocalDate) row[3], entries(id), balances, total, total.signum() == 0, today());
                });
    }

    /** What is owed per tax type (only types with a debt). */
    private Map<TaxType, BigDecimal> balances(String id) {
        Map<TaxType, BigDecimal> balances = new EnumMap<>(TaxType.class);
        jdbc.sql("""
                select tax_type, sum(case when type = 'ASSESSMENT' then amount else -amount end) from tax.entry
                where taxpayer_id = :id group by tax_type""")
                .param("id", id)
                .query((rs, n) -> Map.entry(TaxType.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list()
                .stream().filter(e -> e.getValue().signum() != 0).forEach(e -> balances.put(e.getKey(), e.getValue()));
        return balances;
    }

    private List<TaxEntry> entries(String id) {
        return jdbc.sql("""
                select id, taxpayer_id, type, tax_type, amount, occurred_on, reference, recorded_at, registrar,
                       registrar_agency, legal_basis from tax.entry where taxpayer_id = :id order by occurred_on, id""")
                .param("id", id).query(ENTRY).list();
    }

    private void requireOwnerAgency(Actor officer, String taxpayer) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("tax.write.denied", AuditEvent.Outcome.DENIED, "taxpayer",
                    taxpayer == null || taxpayer.length() > 20 ? null : taxpayer, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw TaxProblem.ownerOnly();
        }
    }

    static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw TaxProblem.invalid("amount_invalid");
        }
        return amount.setScale(2);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private LocalDate pastOrToday(LocalDate on) {
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            throw TaxProblem.refused("date_in_future");
        }
        return date;
    }

    static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw TaxProblem.invalid("legal_basis_invalid");
        }
        return basis;
    }

    private static final RowMapper<TaxEntry> ENTRY = (rs, n) -> new TaxEntry(rs.getLong(1), rs.getString(2),
            TaxEntry.Type.valueOf(rs.getString(3)), TaxType.valueOf(rs.getString(4)), rs.getBigDecimal(5),
            rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
            rs.getString(10), rs.getString(11));
}
