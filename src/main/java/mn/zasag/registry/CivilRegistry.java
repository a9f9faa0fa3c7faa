package mn.zasag.registry;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.registry.internal.NameKey;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The civil registry: registers persons and the civil events that change them, and answers reads.
 *
 * <p>Each change is one transaction that appends a {@link CivilEvent}, brings the person's current state
 * in line with it and writes an audit entry; a refused change writes nothing but (for a refusal of the
 * writer) an audit entry. Only officers of the owning agency ({@value #OWNER_AGENCY}) write. Every read of
 * a person's record by an officer or a system names its legal basis and is audited, so that the person can
 * later see who looked.
 */
@Service
public class CivilRegistry {

    /** The General Authority for State Registration owns the civil registry. */
    public static final String OWNER_AGENCY = "GASR";
    public static final int ADULT_AGE = 18;
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final Pattern CIVIL_ID = Pattern.compile("^[0-9]{8,12}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,15}$");
    private static final Pattern CITIZENSHIP = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L} .'-]{0,99}$");
    private static final String PERSON_COLUMNS = """
            select register_number, civil_id, clan_name, family_name, given_name, sex, birth_date, birth_place,
                   citizenship, address_division, address_line, phone, death_date, spouse from registry.person\s""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Divisions divisions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;

    CivilRegistry(JdbcClient jdbc, AuditTrail audit, Divisions divisions, TransactionTemplate transaction, Clock clock,
                  JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.audit = audit;
        this.divisions = divisions;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    /** Registers a person born (or first registered) with a BIRTH event. */
    public Person register(NewPerson p, Actor registrar) {
        String rn = p.registerNumber().value();
        requireOwner(registrar, rn);
        String legalBasis = legalBasis(p.legalBasis());
        if (!p.registerNumber().birthDate().equals(p.birthDate())) {
            throw new CivilEventRefused("birth_date_mismatch");
        }
        if (p.sex() != null && p.sex() != p.registerNumber().sex()) {
            throw new CivilEventRefused("sex_mismatch");
        }
        if (p.birthDate().isAfter(today())) {
            throw new CivilEventRefused("event_in_future");
        }
        String family = name(p.familyName(), true);
        String given = name(p.givenName(), true);
        String clan = name(p.clanName(), false);
        String civilId = optional(p.civilId(), CIVIL_ID, "civil_id_invalid");
        String phone = optional(p.phone(), PHONE, "phone_invalid");
        String citizenship = p.citizenship() == null || p.citizenship().isBlank() ? "MNG" : p.citizenship().strip();
        if (!CITIZENSHIP.matcher(citizenship).matches()) {
            throw new CivilEventRefused("citizenship_invalid");
        }
        String birthPlace = division(p.birthPlace());
        String addressDivision = division(p.addressDivision());
        String addressLine = blankToNull(p.addressLine());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            try {
                jdbc.sql("""
                        insert into registry.person (register_number, civil_id, clan_name, family_name, given_name, sex,
                            birth_date, birth_place, citizenship, address_division, address_line, phone, family_key,
                            given_key, clan_key, registered_at, updated_at)
                        values (:rn, :civilId, :clan, :family, :given, :sex, :birth, :birthPlace, :citizenship,
                            :addressDivision, :addressLine, :phone, :familyKey, :givenKey, :clanKey, :now, :now)""")
                        .param("rn", rn).param("civilId", civilId).param("clan", clan).param("family", family)
                        .param("given", given).param("sex", p.registerNumber().sex().name()).param("birth", p.birthDate())
                        .param("birthPlace", birthPlace).param("citizenship", citizenship)
                        .param("addressDivision", addressDivision).param("addressLine", addressLine).param("phone", phone)
                        .param("familyKey", NameKey.of(family)).param("givenKey", NameKey.of(given))
                        .param("clanKey", NameKey.of(clan)).param("now", now).update();
            } catch (DuplicateKeyException e) {
                throw new PersonAlreadyRegistered(!String.valueOf(e.getMessage()).contains("person_pkey")
                        ? "civil_id_taken" : "person_exists");
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("family_name", family);
            details.put("given_name", given);
            if (birthPlace != null) {
                details.put("birth_place", birthPlace);
            }
            if (addressDivision != null) {
                details.put("address_division", addressDivision);
            }
            append(rn, CivilEventType.BIRTH, p.birthDate(), now, registrar, legalBasis, null, details);
            audit.record(AuditEvent.success("registry.person.registered", "person", rn)
                    .withDetails(Map.of("legal_basis", legalBasis)));
            return load(rn).orElseThrow();
        });
    }

    /** Records a civil event on a registered person and updates their current state to match. */
    public CivilEvent record(String registerNumber, NewCivilEvent e, Actor registrar) {
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        requireOwner(registrar, rn);
        String legalBasis = legalBasis(e.legalBasis());
        if (e.type() == null || e.occurredOn() == null) {
            throw new CivilEventRefused("event_details_missing");
        }
        if (e.type() == CivilEventType.BIRTH) {
            throw new CivilEventRefused("event_details_missing");
        }
        if (e.occurredOn().isAfter(today())) {
            throw new CivilEventRefused("event_in_future");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            lockInOrder(rn, e);
            Person person = lock(rn).orElseThrow(PersonNotFound::new);
            requireAlive(person, e.occurredOn());
            Map<String, String> details = new LinkedHashMap<>();
            String otherParty = null;
            switch (e.type()) {
                case MARRIAGE -> {
                    String spouseRn = RegisterNumber.parse(required(e.spouse()), clock).value();
                    if (spouseRn.equals(rn)) {
                        throw new CivilEventRefused("marriage_to_self");
                    }
                    Person spouse = lock(spouseRn).orElseThrow(() -> new CivilEventRefused("spouse_not_found"));
                    requireAlive(spouse, e.occurredOn());
                    for (Person partner : List.of(person, spouse)) {
                        if (partner.birthDate().plusYears(ADULT_AGE).isAfter(e.occurredOn())) {
                            throw new CivilEventRefused("marriage_minor");
                        }
                        if (partner.spouse() != null) {
                            throw new CivilEventRefused("already_married");
                        }
                    }
                    setSpouse(rn, spouseRn, now);
                    setSpouse(spouseRn, rn, now);
                    append(spouseRn, CivilEventType.MARRIAGE, e.occurredOn(), now, registrar, legalBasis, rn, Map.of());
                    otherParty = spouseRn;
                }
                case DIVORCE -> {
                    if (person.spouse() == null) {
                        throw new CivilEventRefused("not_married");
                    }
                    String spouseRn = person.spouse();
                    lock(spouseRn);
                    setSpouse(rn, null, now);
                    setSpouse(spouseRn, null, now);
                    append(spouseRn, CivilEventType.DIVORCE, e.occurredOn(), now, registrar, legalBasis, rn, Map.of());
                    otherParty = spouseRn;
                }
                case ADDRESS_CHANGE -> {
                    String division = division(required(e.divisionCode()));
                    String line = blankToNull(e.addressLine());
                    if (line != null && line.length() > 300) {
                        throw new CivilEventRefused("event_details_missing");
                    }
                    jdbc.sql("update registry.person set address_division = :d, address_line = :l, updated_at = :now where register_number = :rn")
                            .param("d", division).param("l", line).param("now", now).param("rn", rn).update();
                    details.put("address_division", division);
                    if (person.addressDivision() != null) {
                        details.put("previous_division", person.addressDivision());
                    }
                    if (line != null) {
                        details.put("address_line", line);
                    }
                }
                case ID_CARD_ISSUE -> {
                    String civilId = optional(required(e.civilId()), CIVIL_ID, "civil_id_invalid");
                    try {
                        jdbc.sql("update registry.person set civil_id = :c, updated_at = :now where register_number = :rn")
                                .param("c", civilId).param("now", now).param("rn", rn).update();
                    } catch (DuplicateKeyException duplicate) {
                        throw new PersonAlreadyRegistered("civil_id_taken");
                    }
                    details.put("civil_id", civilId);
                    if (person.civilId() != null) {
                        details.put("previous_civil_id", person.civilId());
                    }
                }
                case NAME_CHANGE -> {
                    String clan = e.clanName() == null ? person.clanName() : name(e.clanName(), false);
                    String family = e.familyName() == null || e.familyName().isBlank() ? person.familyName() : name(e.familyName(), true);
                    String given = e.givenName() == null || e.givenName().isBlank() ? person.givenName() : name(e.givenName(), true);
                    jdbc.sql("""
                            update registry.person set clan_name = :clan, family_name = :family, given_name = :given,
                                clan_key = :clanKey, family_key = :familyKey, given_key = :givenKey, updated_at = :now
                            where register_number = :rn""")
                            .param("clan", clan).param("family", family).param("given", given)
                            .param("clanKey", NameKey.of(clan)).param("familyKey", NameKey.of(family))
                            .param("givenKey", NameKey.of(given)).param("now", now).param("rn", rn).update();
                    details.put("previous_name", (person.clanName() == null ? "" : person.clanName() + " ") + person.fullName());
                    details.put("name", (clan == null ? "" : clan + " ") + family + " " + given);
                }
                case DEATH -> {
                    if (e.occurredOn().isBefore(person.birthDate())) {
                        throw new CivilEventRefused("death_before_birth");
                    }
                    jdbc.sql("update registry.person set death_date = :d, updated_at = :now where register_number = :rn")
                            .param("d", e.occurredOn()).param("now", now).param("rn", rn).update();
                }
                case BIRTH -> throw new CivilEventRefused("event_details_missing");
            }
            long id = append(rn, e.type(), e.occurredOn(), now, registrar, legalBasis, otherParty, details);
            audit.record(AuditEvent.success("registry.civil_event.recorded", "person", rn)
                    .withDetails(Map.of("type", e.type().name(), "legal_basis", legalBasis, "event", Long.toString(id))));
            return history(rn).stream().filter(ev -> ev.id() == id).findFirst().orElseThrow();
        });
    }

    // ---------------------------------------------------------------- reads

    /**
     * An officer's or a system's read of one person's record, audited with its legal basis.
     *
     * @throws LegalBasisRequired when no legal basis is given
     */
    public Person read(String registerNumber, String legalBasis) {
        return read(registerNumber, legalBasis, false).person();
    }

    /** {@link #read(String, String)} with the person's history. */
    public PersonHistory readWithHistory(String registerNumber, String legalBasis) {
        return read(registerNumber, legalBasis, true);
    }

    /**
     * The read's audit entry is written on its own, after the reads and before anything is returned (no record
     * leaves without its entry; a failed entry fails the read). Not in a transaction of the reads: the audit
     * chain takes one writer at a time, and inside a transaction its lock would be held until the caller's
     * commit, a round trip later, while every other read waits with its pooled connection (at 50 concurrent
     * readers the pool, not the database, was the limit). Outside one, the audit trail appends queued entries in
     * batches (see AuditWriter). Inside a caller's transaction (an application's action) it joins that
     * transaction as before.
     */
    private PersonHistory read(String registerNumber, String legalBasis, boolean withHistory) {
        String basis = readBasis(legalBasis);
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        Person person = load(rn).orElseThrow(PersonNotFound::new);
        List<CivilEvent> events = withHistory ? history(rn) : List.of();
        audit.record(AuditEvent.success("registry.person.read", "person", rn).withDetails(Map.of("legal_basis", basis)));
        return new PersonHistory(person, events);
    }

    /** A citizen's own record, found by their register number; not audited as a third-party read. */
    public Optional<Person> own(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return Optional.empty();
        }
        return load(RegisterNumber.parse(registerNumber, clock).value());
    }

    /**
     * Search by register number or ID card number (exact) or by name (each word the start of the clan,
     * family or given name; Cyrillic or Latin, any case). Audited with its legal basis.
     */
    public List<Person> search(String query, String legalBasis, int limit) {
        String basis = readBasis(legalBasis);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        int max = Math.max(1, Math.min(limit, 100));
        return transaction.execute(status -> {
            List<Person> found;
            if (RegisterNumber.isValid(q, clock)) {
                found = load(RegisterNumber.parse(q, clock).value()).map(List::of).orElse(List.of());
            } else if (CIVIL_ID.matcher(q).matches()) {
                found = jdbc.sql(PERSON_COLUMNS + "where civil_id = :c").param("c", q).query(PERSON).list();
            } else {
                List<String> keys = NameKey.ofQuery(q);
                if (keys.isEmpty()) {
                    return List.of();
                }
                StringBuilder where = new StringBuilder("where true");
                Map<String, Object> params = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    where.append(" and (given_key like :k").append(i).append(" or family_key like :k").append(i)
                            .append(" or clan_key like :k").append(i).append(")");
                    params.put("k" + i, keys.get(i).replace("\\", "").replace("%", "").replace("_", "") + "%");
                }
                found = jdbc.sql(PERSON_COLUMNS + where + " order by family_name, given_name, register_number limit " + max)
                        .params(params).query(PERSON).list();
            }
            audit.record(AuditEvent.success("registry.person.searched", "person_search", null)
                    .withDetails(Map.of("query", q.length() > 100 ? q.substring(0, 100) : q, "legal_basis", basis,
                            "results", Integer.toString(found.size()))));
            return found;
        });
    }

    /** The person's civil events, oldest first. Callers read the person first (which is audited). */
    public List<CivilEvent> history(String registerNumber) {
        return jdbc.sql("""
                select id, register_number, type, occurred_on, recorded_at, registrar, registrar_agency, legal_basis,
                       other_party, details::text from registry.civil_event where register_number = :rn order by occurred_on, id""")
                .param("rn", registerNumber)
                .query((rs, n) -> new CivilEvent(rs.getLong(1), rs.getString(2), CivilEventType.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), parse(rs.getString(10))))
                .list();
    }

    public boolean exists(String registerNumber) {
        return jdbc.sql("select count(*) from registry.person where register_number = :rn").param("rn", registerNumber)
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from registry.person").query(Long.class).single();
    }

    // ---------------------------------------------------------------- rules and rows

    private void requireOwner(Actor registrar, String rn) {
        if (registrar == null || !OWNER_AGENCY.equals(registrar.agencyCode())) {
            // its own transaction: the refusal is worth keeping although nothing else is written
            audit.record(new AuditEvent("registry.write.denied", AuditEvent.Outcome.DENIED, "person", rn, null,
                    Map.of("agency", registrar == null || registrar.agencyCode() == null ? "" : registrar.agencyCode())));
            throw new NotRegistryOwner();
        }
    }

    private static void requireAlive(Person person, LocalDate on) {
        if (!person.alive()) {
            throw new CivilEventRefused("person_deceased");
        }
        if (on.isBefore(person.birthDate())) {
            throw new CivilEventRefused("event_before_birth");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private String division(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip();
        if (divisions.find(c).isEmpty()) {
            throw new CivilEventRefused("division_unknown");
        }
        return c;
    }

    private static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw new CivilEventRefused("legal_basis_invalid");
        }
        return basis;
    }

    private static String readBasis(String text) {
        return legalBasis(text);
    }

    private static String name(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new CivilEventRefused("name_invalid");
            }
            return null;
        }
        String name = text.strip();
        if (!NAME.matcher(name).matches()) {
            throw new CivilEventRefused("name_invalid");
        }
        return name;
    }

    private static String optional(String text, Pattern pattern, String code) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!pattern.matcher(value).matches()) {
            throw new CivilEventRefused(code);
        }
        return value;
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new CivilEventRefused("event_details_missing");
        }
        return text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void setSpouse(String rn, String spouse, OffsetDateTime now) {
        jdbc.sql("update registry.person set spouse = :s, updated_at = :now where register_number = :rn")
                .param("s", spouse).param("now", now).param("rn", rn).update();
    }

    private long append(String rn, CivilEventType type, LocalDate on, OffsetDateTime now, Actor registrar,
                        String legalBasis, String otherParty, Map<String, String> details) {
        return jdbc.sql("""
                insert into registry.civil_event (register_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, other_party, details)
                values (:rn, :type, :on, :now, :registrar, :agency, :basis, :other, cast(:details as jsonb)) returning id""")
                .param("rn", rn).param("type", type.name()).param("on", on).param("now", now)
                .param("registrar", registrar.login()).param("agency", registrar.agencyCode()).param("basis", legalBasis)
                .param("other", otherParty).param("details", write(details))
                .query(Long.class).single();
    }

    private Optional<Person> load(String rn) {
        return jdbc.sql(PERSON_COLUMNS + "where register_number = :rn").param("rn", rn).query(PERSON).optional();
    }

    /**
     * A marriage or divorce changes two rows; locking them in register-number order means two registrars
     * recording the same couple from either side wait for each other instead of deadlocking.
     */
    private void lockInOrder(String rn, NewCivilEvent e) {
        List<String> rows = new java.util.ArrayList<>(List.of(rn));
        if (e.type() == CivilEventType.MARRIAGE && e.spouse() != null && RegisterNumber.isValid(e.spouse(), clock)) {
            rows.add(RegisterNumber.parse(e.spouse(), clock).value());
        } else if (e.type() == CivilEventType.DIVORCE) {
            load(rn).map(Person::spouse).ifPresent(rows::add);
        }
        rows.stream().distinct().sorted().forEach(this::lock);
    }

    private Optional<Person> lock(String rn) {
        return jdbc.sql(PERSON_COLUMNS + "where register_number = :rn for update").param("rn", rn).query(PERSON).optional();
    }

    private String write(Map<String, String> details) {
        return json.writeValueAsString(details);
    }

    private Map<String, String> parse(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), Sex.valueOf(rs.getString(6)),
            rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14));
}
