package mn.zasag.legalentity;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.internal.NameFold;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.registry.NotRegistryOwner;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.Shares;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The legal entity registry: registers entities and the changes that make them what they are, answers
 * reads, and issues the "non-registration" references kiosks print.
 *
 * <p>Like the civil registry, each change is one transaction that appends an {@link EntityChange}, brings
 * the entity's current state in line and writes an audit entry; a refused change writes nothing (but, for a
 * writer of another agency, an audit entry). Only officers of {@value #OWNER_AGENCY} write. An officer's or
 * a system's read of an entity names its legal basis and is audited once for the entity and once for each
 * person in it (founders, directors), so that each person can later see who looked.
 */
@Service
public class LegalEntities {

    /** The General Authority for State Registration registers legal entities. */
    public static final String OWNER_AGENCY = "GASR";
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} .,'\"«»&()+-]{0,199}$");
    /** Shares are kept to six decimals; three founders of a third each add up to 0.999999. */
    private static final String COLUMNS = """
            select registration_number, name_mn, name_en, legal_form, status, address_division, address_line,
                   registered_on, liquidated_on from legalentity.entity\s""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry civil;
    private final Divisions divisions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;

    LegalEntities(JdbcClient jdbc, AuditTrail audit, CivilRegistry civil, Divisions divisions,
                  TransactionTemplate transaction, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.civil = civil;
        this.divisions = divisions;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------- writes

    /** Registers a legal entity with its founders and directors (a REGISTRATION change). */
    public LegalEntity register(NewEntity e, Actor registrar) {
        String number = EntityNumber.parse(e.registrationNumber());
        requireOwner(registrar, number);
        String basis = legalBasis(e.legalBasis());
        String nameMn = name(e.nameMn(), true);
        String nameEn = name(e.nameEn(), false);
        String form = legalForm(e.legalForm());
        String division = division(e.addressDivision());
        String line = line(e.addressLine());
        if (e.registeredOn() == null) {
            throw new EntityRefused("change_details_missing");
        }
        if (e.registeredOn().isAfter(today())) {
            throw new EntityRefused("registration_in_future");
        }
        List<Founder> founders = founders(e.founders(), number);
        List<String> directors = directors(e.directors());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            try {
                jdbc.sql("""
                        insert into legalentity.entity (registration_number, name_mn, name_en, legal_form, status,
                            address_division, address_line, registered_on, name_key, name_words, created_at, updated_at)
                        values (:n, :mn, :en, :form, 'ACTIVE', :division, :line, :on, :key, :words, :now, :now)""")
                        .param("n", number).param("mn", nameMn).param("en", nameEn).param("form", form)
                        .param("division", division).param("line", line).param("on", e.registeredOn())
                        .param("key", NameFold.key(nameMn)).param("words", NameFold.words(nameMn) + NameFold.words(nameEn))
                        .param("now", now).update();
            } catch (DuplicateKeyException duplicate) {
                throw new EntityAlreadyRegistered(String.valueOf(duplicate.getMessage()).contains("entity_pkey")
                        ? "entity_exists" : "entity_name_taken");
            }
            writeFounders(number, founders);
            writeDirectors(number, directors, e.registeredOn());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("name_mn", nameMn);
            details.put("legal_form", form);
            details.put("address_division", division);
            details.put("founders", describe(founders));
            details.put("directors", String.join(", ", directors));
            append(number, EntityChangeType.REGISTRATION, e.registeredOn(), now, registrar, basis, details);
            audit.record(AuditEvent.success("legalentity.entity.registered", "legal_entity", number)
                    .withDetails(Map.of("legal_basis", basis)));
            return load(number).orElseThrow();
        });
    }

    /** Records a change on a registered entity and updates its current state to match. */
    public EntityChange change(String registrationNumber, NewEntityChange c, Actor registrar) {
        String number = EntityNumber.parse(registrationNumber);
        requireOwner(registrar, number);
        String basis = legalBasis(c.legalBasis());
        if (c.type() == null || c.occurredOn() == null || c.type() == EntityChangeType.REGISTRATION) {
            throw new EntityRefused("change_details_missing");
        }
        if (c.occurredOn().isAfter(today())) {
            throw new EntityRefused("change_in_future");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            LegalEntity entity = jdbc.sql(COLUMNS + "where registration_number = :n for update").param("n", number)
                    .query(this::entity).optional().orElseThrow(EntityNotFound::new);
            if (entity.status() == EntityStatus.LIQUIDATED) {
                throw new EntityRefused("entity_liquidated");
            }
            if (c.occurredOn().isBefore(entity.registeredOn())) {
                throw new EntityRefused(c.type() == EntityChangeType.LIQUIDATION
                        ? "liquidation_before_registration" : "change_before_registration");
            }
            Map<String, String> details = new LinkedHashMap<>();
            switch (c.type()) {
                case NAME_CHANGE -> {
                    String nameMn = c.nameMn() == null || c.nameMn().isBlank() ? entity.nameMn() : name(c.nameMn(), true);
                    String nameEn = c.nameEn() == null || c.nameEn().isBlank() ? entity.nameEn() : name(c.nameEn(), false);
                    try {
                        jdbc.sql("""
                                update legalentity.entity set name_mn = :mn, name_en = :en, name_key = :key, name_words = :words,
                                    updated_at = :now where registration_number = :n""")
                                .param("mn", nameMn).param("en", nameEn).param("key", NameFold.key(nameMn))
                                .param("words", NameFold.words(nameMn) + NameFold.words(nameEn)).param("now", now)
                                .param("n", number).update();
                    } catch (DuplicateKeyException duplicate) {
                        throw new EntityAlreadyRegistered("entity_name_taken");
                    }
                    details.put("previous_name", entity.nameMn());
                    details.put("name_mn", nameMn);
                    if (nameEn != null) {
                        details.put("name_en", nameEn);
                    }
                }
                case ADDRESS_CHANGE -> {
                    String division = division(c.addressDivision());
                    String line = line(c.addressLine());
                    jdbc.sql("update legalentity.entity set address_division = :d, address_line = :l, updated_at = :now where registration_number = :n")
                            .param("d", division).param("l", line).param("now", now).param("n", number).update();
                    details.put("previous_division", entity.addressDivision());
                    details.put("address_division", division);
                    if (line != null) {
                        details.put("address_line", line);
                    }
                }
                case FOUNDERS_CHANGE -> {
                    List<Founder> founders = founders(c.founders(), number);
                    jdbc.sql("delete from legalentity.founder where entity_number = :n").param("n", number).update();
                    writeFounders(number, founders);
                    touch(number, now);
                    details.put("previous_founders", describe(entity.founders()));
                    details.put("founders", describe(founders));
                }
                case DIRECTORS_CHANGE -> {
                    List<String> directors = directors(c.directors());
                    Map<String, LocalDate> kept = entity.directors().stream()
                            .collect(Collectors.toMap(Director::person, Director::appointedOn));
                    jdbc.sql("delete from legalentity.director where entity_number = :n").param("n", number).update();
                    for (String person : directors) {
                        jdbc.sql("insert into legalentity.director (entity_number, person, appointed_on) values (:n, :p, :on)")
                                .param("n", number).param("p", person).param("on", kept.getOrDefault(person, c.occurredOn()))
                                .update();
                    }
                    touch(number, now);
                    details.put("previous_directors", entity.directors().stream().map(Director::person).collect(Collectors.joining(", ")));
                    details.put("directors", String.join(", ", directors));
                }
                case SUSPENSION -> status(entity, EntityStatus.SUSPENDED, null, now);
                case REINSTATEMENT -> status(entity, EntityStatus.ACTIVE, null, now);
                case LIQUIDATION -> status(entity, EntityStatus.LIQUIDATED, c.occurredOn(), now);
                case REGISTRATION -> throw new EntityRefused("change_details_missing");
            }
            if (c.type() == EntityChangeType.SUSPENSION || c.type() == EntityChangeType.REINSTATEMENT
                    || c.type() == EntityChangeType.LIQUIDATION) {
                details.put("previous_status", entity.status().name());
            }
            long id = append(number, c.type(), c.occurredOn(), now, registrar, basis, details);
            audit.record(AuditEvent.success("legalentity.change.recorded", "legal_entity", number)
                    .withDetails(Map.of("type", c.type().name(), "legal_basis", basis, "change", Long.toString(id))));
            return history(number).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
        });
    }

    // ---------------------------------------------------------------- reads

    /**
     * An officer's or a system's read of one entity, audited with its legal basis for the entity and for
     * every person named in it.
     *
     * @throws LegalBasisRequired when no legal basis is given
     */
    public LegalEntity read(String registrationNumber, String legalBasis) {
        String basis = legalBasis(legalBasis);
        String number = EntityNumber.parse(registrationNumber);
        return transaction.execute(status -> {
            LegalEntity entity = load(number).orElseThrow(EntityNotFound::new);
            audit.record(AuditEvent.success("legalentity.entity.read", "legal_entity", number)
                    .withDetails(Map.of("legal_basis", basis)));
            for (String person : entity.persons()) {
                audit.record(AuditEvent.success("legalentity.entity.read", "person", person)
                        .withDetails(Map.of("legal_basis", basis, "entity", number)));
            }
            return entity;
        });
    }

    /**
     * The entity, for another module's own checks (a vehicle's or a property's owner, a taxpayer); not
     * audited, so a caller that shows persons' data from it to someone audits that read itself.
     */
    public Optional<LegalEntity> find(String registrationNumber) {
        if (!EntityNumber.isValid(registrationNumber)) {
            return Optional.empty();
        }
        return load(registrationNumber.strip());
    }

    /** Whether an entity (in any status) has this registration number. */
    public boolean exists(String registrationNumber) {
        if (!EntityNumber.isValid(registrationNumber)) {
            return false;
        }
        return jdbc.sql("select count(*) from legalentity.entity where registration_number = :n")
                .param("n", registrationNumber.strip()).query(Long.class).single() > 0;
    }

    /**
     * Search by registration number (exact) or by name (each word the start of a word of the Mongolian or
     * English name, or the start of the whole name; Cyrillic or Latin, any case). Audited with its basis.
     */
    public List<EntitySummary> search(String query, String legalBasis, int limit) {
        String basis = legalBasis(legalBasis);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        int max = Math.max(1, Math.min(limit, 100));
        return transaction.execute(status -> {
            List<EntitySummary> found;
            if (EntityNumber.isValid(q)) {
                found = jdbc.sql(SUMMARY + "where registration_number = :n").param("n", q).query(this::summary).list();
            } else {
                List<String> words = NameFold.words(q, 4);
                if (words.isEmpty()) {
                    return List.of();
                }
                StringBuilder where = new StringBuilder("where (name_key like :whole");
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("whole", like(String.join("", words)));
                where.append(" or (true");
                for (int i = 0; i < words.size(); i++) {
                    where.append(" and name_words like :w").append(i);
                    params.put("w" + i, "% " + like(words.get(i)));
                }
                where.append("))");
                found = jdbc.sql(SUMMARY + where + " order by name_mn, registration_number limit " + max)
                        .params(params).query(this::summary).list();
            }
            audit.record(AuditEvent.success("legalentity.entity.searched", "entity_search", null)
                    .withDetails(Map.of("query", q.length() > 100 ? q.substring(0, 100) : q, "legal_basis", basis,
                            "results", Integer.toString(found.size()))));
            return found;
        });
    }

    /** The entity's registered changes, oldest first. Callers read the entity first (which is audited). */
    public List<EntityChange> history(String registrationNumber) {
        return jdbc.sql("""
                select id, entity_number, type, occurred_on, recorded_at, registrar, registrar_agency, legal_basis,
                       details::text from legalentity.entity_change where entity_number = :n order by occurred_on, id""")
                .param("n", registrationNumber)
                .query((rs, i) -> new EntityChange(rs.getLong(1), rs.getString(2), EntityChangeType.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getString(7), rs.getString(8), parse(rs.getString(9))))
                .list();
    }

    /**
     * The entities a person founds or directs (any status), for the person themselves ("My data"); a
     * citizen reading their own links is not audited as a third-party read.
     */
    public List<LegalEntity> ofPerson(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return List.of();
        }
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        return jdbc.sql(COLUMNS + """
                where registration_number in (select entity_number from legalentity.founder where person = :rn
                                              union select entity_number from legalentity.director where person = :rn)
                order by registered_on, registration_number""").param("rn", rn).query(this::entity).list();
    }

    public List<LegalForm> legalForms() {
        return jdbc.sql("select code, name_mn, name_en from legalentity.legal_form order by position")
                .query(LegalForm.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from legalentity.entity").query(Long.class).single();
    }

    // ---------------------------------------------------------------- non-registration references

    /**
     * Issues a reference on whether a person (by register number) founds or directs any live entity.
     * A citizen may ask only about themselves; an officer or a system's read is audited for the person.
     */
    public NonRegistrationReference referenceForPerson(String registerNumber, Actor asker) {
        if (registerNumber == null || !RegisterNumber.isValid(registerNumber, clock)) {
            throw new EntityRefused("reference_subject_invalid");
        }
        String rn = RegisterNumber.parse(registerNumber, clock).value();
        if (asker != null && asker.agencyCode() == null && !rn.equals(asker.login())) {
            throw new EntityRefused("reference_not_yours");
        }
        List<NonRegistrationReference.Fact> facts = jdbc.sql("""
                select e.registration_number, e.name_mn, e.status, r.role from legalentity.entity e join (
                    select entity_number, 'FOUNDER' as role from legalentity.founder where person = :rn
                    union all select entity_number, 'DIRECTOR' from legalentity.director where person = :rn) r
                  on r.entity_number = e.registration_number
                where e.status <> 'LIQUIDATED' order by e.registration_number, r.role""")
                .param("rn", rn).query(FACT).list();
        return issue("PERSON", rn, facts, asker);
    }

    /** Issues a reference on whether a live entity is registered under this name (folded as in search). */
    public NonRegistrationReference referenceForName(String name, Actor asker) {
        if (name == null || name.isBlank() || name.strip().length() > 200 || NameFold.key(name).isEmpty()) {
            throw new EntityRefused("reference_subject_invalid");
        }
        String subject = name.strip();
        List<NonRegistrationReference.Fact> facts = jdbc.sql("""
                select registration_number, name_mn, status, 'NAME' from legalentity.entity
                where name_key = :key and status <> 'LIQUIDATED' order by registration_number""")
                .param("key", NameFold.key(subject)).query(FACT).list();
        return issue("NAME", subject, facts, asker);
    }

    /** A reference issued before, to check a printed one. */
    public Optional<NonRegistrationReference> reference(String number) {
        return jdbc.sql("select number, kind, subject, registered, issued_at, facts::text from legalentity.reference where number = :n")
                .param("n", number == null ? "" : number.strip())
                .query((rs, i) -> new NonRegistrationReference(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class), facts(rs.getString(6))))
                .optional();
    }

    private NonRegistrationReference issue(String kind, String subject, List<NonRegistrationReference.Fact> facts, Actor asker) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            long id = jdbc.sql("select nextval('legalentity.reference_id_seq')").query(Long.class).single();
            String number = "ЛБ-" + now.atZoneSameInstant(MONGOLIA).format(DateTimeFormatter.BASIC_ISO_DATE)
                    + "-" + String.format("%06d", id);
            boolean registered = !facts.isEmpty();
            jdbc.sql("""
                    insert into legalentity.reference (id, number, kind, subject, registered, facts, issued_at, issued_to)
                    values (:id, :number, :kind, :subject, :registered, cast(:facts as jsonb), :now, :to)""")
                    .param("id", id).param("number", number).param("kind", kind).param("subject", subject)
                    .param("registered", registered).param("facts", json.writeValueAsString(facts)).param("now", now)
                    .param("to", asker == null ? null : asker.login()).update();
            audit.record(AuditEvent.success("legalentity.reference.issued", "PERSON".equals(kind) ? "person" : "entity_name",
                    "PERSON".equals(kind) ? subject : null).withDetails(Map.of("reference", number,
                    "registered", Boolean.toString(registered), "subject", subject.length() > 100 ? subject.substring(0, 100) : subject)));
            return new NonRegistrationReference(number, kind, subject, registered, now, facts);
        });
    }

    // ---------------------------------------------------------------- rules and rows

    private void requireOwner(Actor registrar, String number) {
        if (registrar == null || !OWNER_AGENCY.equals(registrar.agencyCode())) {
            audit.record(new AuditEvent("legalentity.write.denied", AuditEvent.Outcome.DENIED, "legal_entity", number, null,
                    Map.of("agency", registrar == null || registrar.agencyCode() == null ? "" : registrar.agencyCode())));
            throw new NotRegistryOwner();
        }
    }

    private List<Founder> founders(List<Founder> given, String self) {
        if (given == null || given.isEmpty()) {
            throw new EntityRefused("founders_missing");
        }
        List<Founder> founders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Founder f : given) {
            if (f == null || (f.person() == null) == (f.entity() == null)) {
                throw new EntityRefused("founder_invalid");
            }
            BigDecimal share = Shares.normalize(f.share()).orElseThrow(() -> new EntityRefused("share_invalid"));
            Founder founder;
            if (f.person() != null) {
                if (!RegisterNumber.isValid(f.person(), clock)) {
                    throw new EntityRefused("founder_invalid");
                }
                String rn = RegisterNumber.parse(f.person(), clock).value();
                if (!civil.exists(rn)) {
                    throw new EntityRefused("founder_not_found");
                }
                founder = Founder.person(rn, share);
            } else {
                if (!EntityNumber.isValid(f.entity())) {
                    throw new EntityRefused("founder_invalid");
                }
                String n = f.entity().strip();
                if (n.equals(self)) {
                    throw new EntityRefused("founder_self");
                }
                String status = jdbc.sql("select status from legalentity.entity where registration_number = :n")
                        .param("n", n).query(String.class).optional().orElse(null);
                if (status == null || EntityStatus.LIQUIDATED.name().equals(status)) {
                    throw new EntityRefused("founder_not_found");
                }
                founder = Founder.entity(n, share);
            }
            if (!seen.add(founder.id())) {
                throw new EntityRefused("founder_duplicate");
            }
            founders.add(founder);
        }
        if (!Shares.addUpToOne(founders.stream().map(Founder::share).toList())) {
            throw new EntityRefused("shares_not_one");
        }
        return founders;
    }

    private List<String> directors(List<String> given) {
        if (given == null || given.stream().allMatch(d -> d == null || d.isBlank())) {
            throw new EntityRefused("directors_missing");
        }
        List<String> directors = new ArrayList<>();
        for (String d : given) {
            if (d == null || d.isBlank()) {
                continue;
            }
            if (!RegisterNumber.isValid(d, clock)) {
                throw new EntityRefused("director_invalid");
            }
            String rn = RegisterNumber.parse(d, clock).value();
            if (!civil.exists(rn)) {
                throw new EntityRefused("director_not_found");
            }
            if (!directors.contains(rn)) {
                directors.add(rn);
            }
        }
        return directors;
    }

    private void status(LegalEntity entity, EntityStatus next, LocalDate liquidatedOn, OffsetDateTime now) {
        if (!entity.status().next().contains(next)) {
            throw new EntityRefused("status_transition_invalid");
        }
        jdbc.sql("update legalentity.entity set status = :s, liquidated_on = :l, updated_at = :now where registration_number = :n")
                .param("s", next.name()).param("l", liquidatedOn).param("now", now).param("n", entity.registrationNumber())
                .update();
    }

    private void touch(String number, OffsetDateTime now) {
        jdbc.sql("update legalentity.entity set updated_at = :now where registration_number = :n")
                .param("now", now).param("n", number).update();
    }

    private void writeFounders(String number, List<Founder> founders) {
        int position = 0;
        for (Founder f : founders) {
            jdbc.sql("insert into legalentity.founder (entity_number, position, person, founder_entity, share) values (:n, :p, :person, :entity, :share)")
                    .param("n", number).param("p", ++position).param("person", f.person()).param("entity", f.entity())
                    .param("share", f.share()).update();
        }
    }

    private void writeDirectors(String number, List<String> directors, LocalDate on) {
        for (String person : directors) {
            jdbc.sql("insert into legalentity.director (entity_number, person, appointed_on) values (:n, :p, :on)")
                    .param("n", number).param("p", person).param("on", on).update();
        }
    }

    private static String describe(List<Founder> founders) {
        return founders.stream().map(f -> f.id() + " " + f.share().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private String division(String code) {
        if (code == null || code.isBlank() || divisions.find(code.strip()).isEmpty()) {
            throw new EntityRefused("division_unknown");
        }
        return code.strip();
    }

    private static String line(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > 300) {
            throw new EntityRefused("change_details_missing");
        }
        return text.strip();
    }

    private String legalForm(String code) {
        String c = code == null ? "" : code.strip();
        if (jdbc.sql("select count(*) from legalentity.legal_form where code = :c").param("c", c).query(Long.class).single() == 0) {
            throw new EntityRefused("legal_form_unknown");
        }
        return c;
    }

    private static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw new EntityRefused("legal_basis_invalid");
        }
        return basis;
    }

    private static String name(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new EntityRefused("entity_name_invalid");
            }
            return null;
        }
        String name = text.strip().replaceAll("\\s+", " ");
        if (!NAME.matcher(name).matches() || NameFold.key(name).isEmpty()) {
            throw new EntityRefused("entity_name_invalid");
        }
        return name;
    }

    private static String like(String key) {
        return key.replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    private long append(String number, EntityChangeType type, LocalDate on, OffsetDateTime now, Actor registrar,
                        String basis, Map<String, String> details) {
        return jdbc.sql("""
                insert into legalentity.entity_change (entity_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, details)
                values (:n, :type, :on, :now, :registrar, :agency, :basis, cast(:details as jsonb)) returning id""")
                .param("n", number).param("type", type.name()).param("on", on).param("now", now)
                .param("registrar", registrar.login()).param("agency", registrar.agencyCode()).param("basis", basis)
                .param("details", json.writeValueAsString(details)).query(Long.class).single();
    }

    private Optional<LegalEntity> load(String number) {
        return jdbc.sql(COLUMNS + "where registration_number = :n").param("n", number).query(this::entity).optional();
    }

    private LegalEntity entity(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String number = rs.getString(1);
        List<Founder> founders = jdbc.sql("select person, founder_entity, share from legalentity.founder where entity_number = :n order by position")
                .param("n", number).query((f, i) -> new Founder(f.getString(1), f.getString(2), f.getBigDecimal(3))).list();
        List<Director> directors = jdbc.sql("select person, appointed_on from legalentity.director where entity_number = :n order by appointed_on, person")
                .param("n", number).query((d, i) -> new Director(d.getString(1), d.getObject(2, LocalDate.class))).list();
        return new LegalEntity(number, rs.getString(2), rs.getString(3), rs.getString(4), EntityStatus.valueOf(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                founders, directors);
    }

    private static final String SUMMARY = "select registration_number, name_mn, name_en, legal_form, status, registered_on from legalentity.entity ";

    private EntitySummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EntitySummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                EntityStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class));
    }

    private static final RowMapper<NonRegistrationReference.Fact> FACT = (rs, i) -> new NonRegistrationReference.Fact(
            rs.getString(1), rs.getString(2), EntityStatus.valueOf(rs.getString(3)), rs.getString(4));

    private Map<String, String> parse(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private List<NonRegistrationReference.Fact> facts(String text) {
        return json.readValue(text, new TypeReference<List<NonRegistrationReference.Fact>>() { });
    }
}
