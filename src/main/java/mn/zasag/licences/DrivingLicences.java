package mn.zasag.licences;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driving licence register: issues, renews and replaces licence cards, adds categories after a passed test,
 * issues international permits, keeps violations and books the driving test.
 *
 * <p>A person holds at most one card in force ({@code ACTIVE}); renewing or replacing a card issues a new number
 * and marks the old one {@code REPLACED}, so a lost card cannot be used. A licence is valid for
 * {@value #VALIDITY_YEARS} years (Law on Road Traffic Safety) and renewed at most {@value #RENEW_MONTHS_BEFORE}
 * months before it ends. Each change is one transaction with a history entry and an audit entry; only officers
 * of {@value #OWNER_AGENCY} write; reads by officers or systems name their legal basis and are audited.
 */
@Service
public class DrivingLicences {

    public static final String OWNER_AGENCY = "POLICE";
    public static final int VALIDITY_YEARS = 10;
    public static final int RENEW_MONTHS_BEFORE = 6;
    public static final int PERMIT_YEARS = 1;
    public static final int MIN_AGE = 18;
    /** Mongolia's categories (Law on Road Traffic Safety, article 16): A motorcycles, B cars, C lorries, D buses, E trailers, M mopeds. */
    public static final List<String> CATEGORIES = List.of("A", "B", "C", "D", "E", "M");

    /** The driving test centres: code → name in Mongolian. */
    public static final Map<String, String> EXAM_CENTRES;

    static {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("UB-EXAM", "Улаанбаатар, Замын цагдаагийн жолоочийн шалгалтын төв");
        c.put("DARKHAN-EXAM", "Дархан-Уул аймгийн жолоочийн шалгалтын төв");
        c.put("ERDENET-EXAM", "Орхон аймгийн жолоочийн шалгалтын төв");
        EXAM_CENTRES = java.util.Collections.unmodifiableMap(c);
    }

    static final int EXAM_HORIZON_DAYS = 60;
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final String LICENCE_COLUMNS =
            "select number, holder, categories, issued_on, valid_until, status from licences.licence ";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry persons;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DrivingLicences(JdbcClient jdbc, AuditTrail audit, CivilRegistry persons, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    /** Issues a first licence (after the tests) for the given categories, valid {@value #VALIDITY_YEARS} years. */
    public Licence issue(String holder, List<String> categories, LocalDate issuedOn, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = livingAdult(holder);
        String basis = legalBasis(legalBasis);
        List<String> cats = categories(categories);
        LocalDate on = issuedOn == null ? today() : issuedOn;
        if (on.isAfter(today())) {
            throw LicenceProblem.refused("date_in_future");
        }
        return transaction.execute(status -> {
            if (active(rn, true).isPresent()) {
                throw LicenceProblem.conflict("licence_exists");
            }
            String number = insert(rn, cats, on, on.plusYears(VALIDITY_YEARS));
            append(number, rn, LicenceEvent.Type.ISSUE, on, officer, basis, String.join(",", cats));
            audit.record(AuditEvent.success("licences.licence.issued", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "licence", number, "categories", String.join(",", cats))));
            return licence(number);
        });
    }

    /** Renews the card in force: a new number valid {@value #VALIDITY_YEARS} years from today; the old card is replaced. */
    public Licence renew(String holder, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = living(holder);
        String basis = legalBasis(legalBasis);
        return transaction.execute(status -> {
            Licence old = active(rn, true).orElseThrow(() -> LicenceProblem.refused("licence_not_active"));
            if (old.validUntil().isAfter(today().plusMonths(RENEW_MONTHS_BEFORE))) {
                throw LicenceProblem.refused("renewal_too_early");
            }
            String number = successor(old, old.categories(), today().plusYears(VALIDITY_YEARS), LicenceEvent.Type.RENEWAL,
                    "RENEWAL", officer, basis);
            audit.record(AuditEvent.success("licences.licence.renewed", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "licence", number, "previous", old.number())));
            return licence(number);
        });
    }

    /** Replaces a lost, stolen or damaged card in force: a new number, the same validity; the old card is invalidated. */
    public Licence replace(String holder, String reason, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = living(holder);
        String basis = legalBasis(legalBasis);
        String why = reason == null || reason.isBlank() ? "LOST" : reason.strip();
        if (!List.of("LOST", "STOLEN", "DAMAGED").contains(why)) {
            throw LicenceProblem.invalid("licence_details_invalid");
        }
        return transaction.execute(status -> {
            Licence old = active(rn, true).orElseThrow(() -> LicenceProblem.refused("licence_not_active"));
            if (old.validUntil().isBefore(today())) {
                throw LicenceProblem.refused("licence_not_active");
            }
            String number = successor(old, old.categories(), old.validUntil(), LicenceEvent.Type.REPLACEMENT, why, officer, basis);
            audit.record(AuditEvent.success("licences.licence.replaced", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "licence", number, "previous", old.number(), "reason", why)));
            return licence(number);
        });
    }

    /**
     * Adds a category after the holder passed its test: a new card with the categories so far and the new one,
     * valid {@value #VALIDITY_YEARS} years; E (trailers) needs B, C or D first.
     */
    public Licence addCategory(String holder, String category, LocalDate testPassedOn, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = living(holder);
        String basis = legalBasis(legalBasis);
        String cat = categories(List.of(category == null ? "" : category)).get(0);
        if (testPassedOn == null || testPassedOn.isAfter(today()) || testPassedOn.isBefore(today().minusYears(1))) {
            throw LicenceProblem.refused("date_in_future");
        }
        return transaction.execute(status -> {
            Licence old = active(rn, true).orElseThrow(() -> LicenceProblem.refused("licence_not_active"));
            if (!old.validOn(today())) {
                throw LicenceProblem.refused("licence_not_active");
            }
            if (old.categories().contains(cat)) {
                throw LicenceProblem.conflict("category_held");
            }
            if ("E".equals(cat) && old.categories().stream().noneMatch(List.of("B", "C", "D")::contains)) {
                throw LicenceProblem.refused("category_requires_b");
            }
            List<String> cats = new ArrayList<>(old.categories());
            cats.add(cat);
            List<String> sorted = CATEGORIES.stream().filter(cats::contains).toList();
            String number = successor(old, sorted, today().plusYears(VALIDITY_YEARS), LicenceEvent.Type.CATEGORY_ADDED,
                    cat + " " + testPassedOn, officer, basis);
            audit.record(AuditEvent.success("licences.category.added", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "licence", number, "category", cat)));
            return licence(number);
        });
    }

    /** Issues an international driving permit on the card in force, valid a year (not beyond the card). */
    public InternationalPermit issuePermit(String holder, String legalBasis, Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = living(holder);
        String basis = legalBasis(legalBasis);
        return transaction.execute(status -> {
            Licence licence = active(rn, true).orElseThrow(() -> LicenceProblem.refused("licence_not_active"));
            if (!licence.validOn(today())) {
                throw LicenceProblem.refused("licence_not_active");
            }
            LocalDate until = today().plusYears(PERMIT_YEARS);
            if (until.isAfter(licence.validUntil())) {
                until = licence.validUntil();
            }
            String number = "ОУ" + String.format("%06d", jdbc.sql("select nextval('licences.permit_number')")
                    .query(Long.class).single());
            jdbc.sql("""
                    insert into licences.international_permit (number, holder, licence_number, issued_on, valid_until)
                    values (:n, :h, :l, :on, :until)""").param("n", number).param("h", rn).param("l", licence.number())
                    .param("on", today()).param("until", until).update();
            append(licence.number(), rn, LicenceEvent.Type.INTERNATIONAL_PERMIT, today(), officer, basis, number);
            audit.record(AuditEvent.success("licences.permit.issued", "person", rn)
                    .withDetails(Map.of("legal_basis", basis, "permit", number, "licence", licence.number())));
            return new InternationalPermit(number, rn, licence.number(), today(), until);
        });
    }

    /** Records a traffic violation on the driver's record. */
    public Violation recordViolation(String holder, LocalDate on, String article, String description, BigDecimal fine,
                                     Actor officer) {
        requireOwnerAgency(officer, holder);
        String rn = RegisterNumber.parse(holder, clock).value();
        if (on == null || on.isAfter(today())) {
            throw LicenceProblem.refused("date_in_future");
        }
        if (article == null || article.isBlank() || article.length() > 60 || description == null || description.isBlank()
                || description.length() > 300 || fine == null || fine.signum() < 0) {
            throw LicenceProblem.invalid("licence_details_invalid");
        }
        return transaction.execute(status -> {
            long id = jdbc.sql("""
                    insert into licences.violation (holder, occurred_on, article, description, fine, recorded_at, registrar)
                    values (:h, :on, :a, :d, :f, :now, :r) returning id""").param("h", rn).param("on", on)
                    .param("a", article.strip()).param("d", description.strip()).param("f", fine)
                    .param("now", OffsetDateTime.now(clock)).param("r", officer.login()).query(Long.class).single();
            audit.record(AuditEvent.success("licences.violation.recorded", "person", rn)
                    .withDetails(Map.of("article", article.strip(), "violation", Long.toString(id))));
            return new Violation(id, rn, on, article.strip(), description.strip(), fine);
        });
    }

    /**
     * Books the first free slot of the driving test (theory or driving part) at a centre, on a working day on or
     * after the day asked for (tomorrow at the earliest), 09:00–16:30 every 30 minutes.
     */
    public ExamBooking bookExam(String holder, String category, ExamBooking.Part part, String centre, LocalDate onOrAfter,
                                Actor bookedBy) {
        String rn = livingAdult(holder);
        String cat = categories(List.of(category == null ? "" : category)).get(0);
        if (part == null) {
            throw LicenceProblem.invalid("licence_details_invalid");
        }
        if (centre == null || !EXAM_CENTRES.containsKey(centre)) {
            throw LicenceProblem.invalid("exam_centre_unknown");
        }
        LocalDate tomorrow = today().plusDays(1);
        LocalDate from = onOrAfter == null || onOrAfter.isBefore(tomorrow) ? tomorrow : onOrAfter;
        if (from.isAfter(tomorrow.plusDays(EXAM_HORIZON_DAYS))) {
            throw LicenceProblem.refused("exam_date_invalid");
        }
        if (active(rn, false).filter(l -> l.categories().contains(cat)).isPresent()) {
            throw LicenceProblem.conflict("category_held");
        }
        return transaction.execute(status -> {
            List<LocalDateTime> taken = jdbc.sql("""
                    select slot_at from licences.exam_booking where centre = :c and part = :p and slot_at >= :from""")
                    .param("c", centre).param("p", part.name()).param("from", from.atStartOfDay())
                    .query(LocalDateTime.class).list();
            for (LocalDate day = from; !day.isAfter(tomorrow.plusDays(EXAM_HORIZON_DAYS)); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (LocalTime t = LocalTime.of(9, 0); !t.isAfter(LocalTime.of(16, 30)); t = t.plusMinutes(30)) {
                    LocalDateTime slot = day.atTime(t);
                    if (taken.contains(slot)) {
                        continue;
                    }
                    long id;
                    try {
                        id = jdbc.sql("""
                                insert into licences.exam_booking (holder, category, part, centre, slot_at, booked_at)
                                values (:h, :c, :p, :centre, :s, :now) returning id""").param("h", rn).param("c", cat)
                                .param("p", part.name()).param("centre", centre).param("s", slot)
                                .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
                    } catch (DuplicateKeyException raced) {
                        throw LicenceProblem.conflict("no_exam_slot");
                    }
                    audit.record(AuditEvent.success("licences.exam.booked", "person", rn)
                            .withDetails(Map.of("category", cat, "part", part.name(), "centre", centre, "slot", slot.toString())));
                    return new ExamBooking(id, rn, cat, part, centre, slot);
                }
            }
            throw LicenceProblem.refused("no_exam_slot");
        });
    }

    // ---------------------------------------------------------------- reads

    /** An officer's or a system's read of a driver's record, audited with its legal basis. */
    public DriverRecord read(String holder, String legalBasis) {
        String basis = legalBasis(legalBasis);
        String rn = RegisterNumber.parse(holder, clock).value();
        return transaction.execute(status -> {
            DriverRecord record = record(rn);
            audit.record(AuditEvent.success("licences.record.read", "person", rn).withDetails(Map.of("legal_basis", basis)));
            return record;
        });
    }

    /** A driver's own record (for their own pages); not audited as a third-party read. */
    public DriverRecord own(String holder) {
        return record(RegisterNumber.parse(holder, clock).value());
    }

    /** The card in force of a holder (active; it may be past its validity), if any. */
    public Optional<Licence> current(String holder) {
        if (!RegisterNumber.isValid(holder, clock)) {
            return Optional.empty();
        }
        return active(RegisterNumber.parse(holder, clock).value(), false);
    }

    public List<ExamBooking> bookings(String holder) {
        return jdbc.sql("select id, holder, category, part, centre, slot_at from licences.exam_booking where holder = :h order by slot_at")
                .param("h", holder).query((rs, n) -> new ExamBooking(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ExamBooking.Part.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDateTime.class))).list();
    }

    // ---------------------------------------------------------------- rules and rows

    private DriverRecord record(String rn) {
        List<Licence> all = jdbc.sql(LICENCE_COLUMNS + "where holder = :h order by issued_on, number").param("h", rn)
                .query(LICENCE).list();
        List<LicenceEvent> history = jdbc.sql("""
                select id, number, holder, type, occurred_on, recorded_at, registrar, registrar_agency, legal_basis, details
                from licences.licence_event where holder = :h order by occurred_on, id""").param("h", rn)
                .query((rs, n) -> new LicenceEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        LicenceEvent.Type.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10))).list();
        List<InternationalPermit> permits = jdbc.sql("""
                select number, holder, licence_number, issued_on, valid_until from licences.international_permit
                where holder = :h order by issued_on desc""").param("h", rn)
                .query((rs, n) -> new InternationalPermit(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
        List<Violation> violations = jdbc.sql("""
                select id, holder, occurred_on, article, description, fine from licences.violation where holder = :h
                order by occurred_on desc, id desc""").param("h", rn)
                .query((rs, n) -> new Violation(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6))).list();
        Licence current = all.stream().filter(l -> l.status() == Licence.Status.ACTIVE).findFirst().orElse(null);
        return new DriverRecord(rn, current, all, history, permits, violations);
    }

    /** Replaces the old card by a new one: the new number's event, the old one's invalidation. */
    private String successor(Licence old, List<String> categories, LocalDate validUntil, LicenceEvent.Type type,
                             String details, Actor officer, String basis) {
        jdbc.sql("update licences.licence set status = 'REPLACED', updated_at = :now where number = :n")
                .param("now", OffsetDateTime.now(clock)).param("n", old.number()).update();
        append(old.number(), old.holder(), LicenceEvent.Type.INVALIDATED, today(), officer, basis, details);
        String number = insert(old.holder(), categories, today(), validUntil);
        append(number, old.holder(), type, today(), officer, basis, String.join(",", categories));
        return number;
    }

    private String insert(String rn, List<String> categories, LocalDate on, LocalDate until) {
        String number = Long.toString(jdbc.sql("select nextval('licences.licence_number')").query(Long.class).single());
        jdbc.sql("""
                insert into licences.licence (number, holder, categories, issued_on, valid_until, status, updated_at)
                values (:n, :h, :c, :on, :until, 'ACTIVE', :now)""").param("n", number).param("h", rn)
                .param("c", String.join(",", categories)).param("on", on).param("until", until)
                .param("now", OffsetDateTime.now(clock)).update();
        return number;
    }

    private void append(String number, String holder, LicenceEvent.Type type, LocalDate on, Actor officer, String basis,
                        String details) {
        jdbc.sql("""
                insert into licences.licence_event (number, holder, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, details)
                values (:n, :h, :t, :on, :now, :r, :a, :b, :d)""").param("n", number).param("h", holder)
                .param("t", type.name()).param("on", on).param("now", OffsetDateTime.now(clock))
                .param("r", officer.login()).param("a", officer.agencyCode()).param("b", basis).param("d", details).update();
    }

    private Optional<Licence> active(String rn, boolean lock) {
        return jdbc.sql(LICENCE_COLUMNS + "where holder = :h and status = 'ACTIVE'" + (lock ? " for update" : ""))
                .param("h", rn).query(LICENCE).optional();
    }

    private Licence licence(String number) {
        return jdbc.sql(LICENCE_COLUMNS + "where number = :n").param("n", number).query(LICENCE).single();
    }

    private String living(String holder) {
        String rn = RegisterNumber.parse(holder, clock).value();
        Person person = persons.own(rn).orElseThrow(() -> LicenceProblem.refused("holder_unknown"));
        if (!person.alive()) {
            throw LicenceProblem.refused("holder_deceased");
        }
        return rn;
    }

    private String livingAdult(String holder) {
        String rn = living(holder);
        if (RegisterNumber.parse(rn, clock).birthDate().plusYears(MIN_AGE).isAfter(today())) {
            throw LicenceProblem.refused("holder_too_young");
        }
        return rn;
    }

    private static List<String> categories(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw LicenceProblem.invalid("licence_category_invalid");
        }
        List<String> cats = raw.stream().map(c -> c == null ? "" : c.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        if (!CATEGORIES.containsAll(cats)) {
            throw LicenceProblem.invalid("licence_category_invalid");
        }
        return CATEGORIES.stream().filter(cats::contains).toList();
    }

    private void requireOwnerAgency(Actor officer, String holder) {
        if (officer == null || !OWNER_AGENCY.equals(officer.agencyCode())) {
            audit.record(new AuditEvent("licences.write.denied", AuditEvent.Outcome.DENIED, "person",
                    holder == null || holder.length() > 20 ? null : holder, null,
                    Map.of("agency", officer == null || officer.agencyCode() == null ? "" : officer.agencyCode())));
            throw LicenceProblem.ownerOnly();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw LicenceProblem.invalid("licence_details_invalid");
        }
        return basis;
    }

    private static final RowMapper<Licence> LICENCE = (rs, n) -> new Licence(rs.getString(1), rs.getString(2),
            Arrays.asList(rs.getString(3).split(",")), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
            Licence.Status.valueOf(rs.getString(6)));
}
