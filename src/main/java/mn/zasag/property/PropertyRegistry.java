package mn.zasag.property;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.legalentity.EntityNumber;
import mn.zasag.legalentity.EntityStatus;
import mn.zasag.legalentity.LegalEntities;
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
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The property registry: registers property rights, transfers and encumbrances, and answers reads.
 *
 * <p>As in the other registries, each registration is one transaction that appends a
 * {@link PropertyChange}, brings the current state in line and writes an audit entry; a refused one writes
 * nothing. Only officers of {@value #OWNER_AGENCY} write. Reads by officers and systems name a legal basis
 * and are audited for the property and for each owner who is a person. Certificate numbers are checked
 * against the formats in {@code property.number_format} (data, not code).
 */
@Service
public class PropertyRegistry {

    /** The General Authority for State Registration registers property rights. */
    public static final String OWNER_AGENCY = "GASR";
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final BigDecimal MAX_AREA = new BigDecimal("9999999999");
    private static final String COLUMNS = """
            select certificate_number, address_division, address_line, area, purpose, registered_on from property.property\s""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CivilRegistry civil;
    private final LegalEntities entities;
    private final Divisions divisions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;
    private volatile List<Pattern> formats;

    PropertyRegistry(JdbcClient jdbc, AuditTrail audit, CivilRegistry civil, LegalEntities entities, Divisions divisions,
                     TransactionTemplate transaction, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.civil = civil;
        this.entities = entities;
        this.divisions = divisions;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------- certificate numbers

    /**
     * The canonical form of a certificate number: spaces dropped, letters upper-cased and a hyphen after
     * the leading letters, so «ү 2204012345» and «Ү2204012345» become {@code Ү-2204012345}.
     */
    public static String canonical(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && !Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < t.length() && t.charAt(digits - 1) != '-') {
            t = t.substring(0, digits) + "-" + t.substring(digits);
        }
        return t;
    }

    /** Whether the text, in canonical form, matches one of the registered certificate number formats. */
    public boolean isValidCertificate(String text) {
        String c = canonical(text);
        return formats().stream().anyMatch(p -> p.matcher(c).matches());
    }

    private List<Pattern> formats() {
        List<Pattern> known = formats;
        if (known == null) {
            known = jdbc.sql("select pattern from property.number_format where kind = 'certificate'").query(String.class)
                    .list().stream().map(Pattern::compile).toList();
            formats = known;
        }
        return known;
    }

    private String certificate(String text) {
        if (!isValidCertificate(text)) {
            throw new PropertyRefused("certificate_number_invalid");
        }
        return canonical(text);
    }

    // ---------------------------------------------------------------- writes

    /** Registers a property right with its owners (a REGISTRATION). */
    public Property register(NewProperty p, Actor registrar) {
        String number = certificate(p.certificateNumber());
        requireOwner(registrar, number);
        String basis = legalBasis(p.legalBasis());
        String division = division(p.addressDivision());
        String line = line(p.addressLine());
        if (p.area() == null || p.area().signum() <= 0 || p.area().compareTo(MAX_AREA) >= 0) {
            throw new PropertyRefused("area_invalid");
        }
        BigDecimal area = p.area().setScale(2, RoundingMode.HALF_UP);
        String purpose = purpose(p.purpose());
        if (p.registeredOn() == null) {
            throw new PropertyRefused("change_details_missing");
        }
        if (p.registeredOn().isAfter(today())) {
            throw new PropertyRefused("registration_in_future");
        }
        List<Owner> owners = owners(p.owners());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            try {
                jdbc.sql("""
                        insert into property.property (certificate_number, address_division, address_line, area, purpose,
                            registered_on, created_at, updated_at)
                        values (:n, :division, :line, :area, :purpose, :on, :now, :now)""")
                        .param("n", number).param("division", division).param("line", line).param("area", area)
                        .param("purpose", purpose).param("on", p.registeredOn()).param("now", now).update();
            } catch (DuplicateKeyException duplicate) {
                throw new PropertyAlreadyRegistered();
            }
            writeOwners(number, owners);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("address_division", division);
            details.put("area", area.toPlainString());
            details.put("purpose", purpose);
            details.put("owners", describe(owners));
            append(number, PropertyChangeType.REGISTRATION, p.registeredOn(), now, registrar, basis, details);
            audit.record(AuditEvent.success("property.property.registered", "property", number)
                    .withDetails(Map.of("legal_basis", basis)));
            return load(number).orElseThrow();
        });
    }

    /** Registers a transfer: the new owners replace the old. Refused while a mortgage or lien is in force. */
    public PropertyChange transfer(String certificateNumber, List<Owner> newOwners, LocalDate on, String legalBasis,
                                   Actor registrar) {
        String number = certificate(certificateNumber);
        requireOwner(registrar, number);
        String basis = legalBasis(legalBasis);
        LocalDate date = date(on);
        List<Owner> owners = owners(newOwners);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Property property = lock(number);
            if (date.isBefore(property.registeredOn())) {
                throw new PropertyRefused("change_before_registration");
            }
            if (property.encumbered()) {
                throw new PropertyRefused("property_encumbered");
            }
            jdbc.sql("delete from property.owner where certificate_number = :n").param("n", number).update();
            writeOwners(number, owners);
            touch(number, now);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("previous_owners", describe(property.owners()));
            details.put("owners", describe(owners));
            return changed(number, PropertyChangeType.TRANSFER, date, now, registrar, basis, details);
        });
    }

    /** Registers a mortgage or lien. */
    public PropertyChange encumber(String certificateNumber, NewEncumbrance e, Actor registrar) {
        String number = certificate(certificateNumber);
        requireOwner(registrar, number);
        String basis = legalBasis(e.legalBasis());
        LocalDate date = date(e.registeredOn());
        if (e.type() == null || e.holderName() == null || e.holderName().isBlank() || e.holderName().strip().length() > 200
                || e.amount() == null || e.amount().signum() < 0 || e.amount().compareTo(new BigDecimal("1e16")) >= 0) {
            throw new PropertyRefused("encumbrance_invalid");
        }
        String holderEntity = null;
        if (e.holderEntity() != null && !e.holderEntity().isBlank()) {
            if (!EntityNumber.isValid(e.holderEntity()) || !entities.exists(e.holderEntity())) {
                throw new PropertyRefused("encumbrance_holder_not_found");
            }
            holderEntity = e.holderEntity().strip();
        }
        String holder = e.holderName().strip();
        BigDecimal amount = e.amount().setScale(2, RoundingMode.HALF_UP);
        String entity = holderEntity;
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Property property = lock(number);
            if (date.isBefore(property.registeredOn())) {
                throw new PropertyRefused("change_before_registration");
            }
            long id = jdbc.sql("""
                    insert into property.encumbrance (certificate_number, type, holder_name, holder_entity, amount, registered_on)
                    values (:n, :type, :holder, :entity, :amount, :on) returning id""")
                    .param("n", number).param("type", e.type().name()).param("holder", holder).param("entity", entity)
                    .param("amount", amount).param("on", date).query(Long.class).single();
            touch(number, now);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("encumbrance", Long.toString(id));
            details.put("encumbrance_type", e.type().name());
            details.put("holder", holder + (entity == null ? "" : " (" + entity + ")"));
            details.put("amount", amount.toPlainString());
            return changed(number, PropertyChangeType.ENCUMBRANCE_REGISTERED, date, now, registrar, basis, details);
        });
    }

    /** Releases a mortgage or lien in force; the encumbrance stays in the record with its release date. */
    public PropertyChange release(String certificateNumber, long encumbranceId, LocalDate on, String legalBasis,
                                  Actor registrar) {
        String number = certificate(certificateNumber);
        requireOwner(registrar, number);
        String basis = legalBasis(legalBasis);
        LocalDate date = date(on);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(status -> {
            Property property = lock(number);
            Encumbrance encumbrance = property.encumbrances().stream().filter(x -> x.id() == encumbranceId).findFirst()
                    .orElseThrow(() -> new PropertyRefused("encumbrance_not_found"));
            if (!encumbrance.active()) {
                throw new PropertyRefused("encumbrance_released");
            }
            if (date.isBefore(encumbrance.registeredOn())) {
                throw new PropertyRefused("release_before_registration");
            }
            jdbc.sql("update property.encumbrance set released_on = :on where id = :id").param("on", date)
                    .param("id", encumbranceId).update();
            touch(number, now);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("encumbrance", Long.toString(encumbranceId));
            details.put("encumbrance_type", encumbrance.type().name());
            details.put("holder", encumbrance.holderName());
            return changed(number, PropertyChangeType.ENCUMBRANCE_RELEASED, date, now, registrar, basis, details);
        });
    }

    // ---------------------------------------------------------------- reads

    /** An officer's or a system's read of a property, audited for it and for each owner who is a person. */
    public Property read(String certificateNumber, String legalBasis) {
        String basis = legalBasis(legalBasis);
        String number = certificate(certificateNumber);
        return transaction.execute(status -> {
            Property property = load(number).orElseThrow(PropertyNotFound::new);
            audit.record(AuditEvent.success("property.property.read", "property", number)
                    .withDetails(Map.of("legal_basis", basis)));
            for (String person : property.persons()) {
                audit.record(AuditEvent.success("property.property.read", "person", person)
                        .withDetails(Map.of("legal_basis", basis, "property", number)));
            }
            return property;
        });
    }

    /** The property, for another module's own checks; not audited (see {@link LegalEntities#find}). */
    public Optional<Property> find(String certificateNumber) {
        if (!isValidCertificate(certificateNumber)) {
            return Optional.empty();
        }
        return load(canonical(certificateNumber));
    }

    /**
     * Search by certificate number, or by owner: a person's register number or an entity's registration
     * number (all exact, indexed). Audited with its legal basis; a search by a person's register number is
     * also recorded for that person.
     */
    public List<PropertySummary> search(String query, String legalBasis, int limit) {
        String basis = legalBasis(legalBasis);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        int max = Math.max(1, Math.min(limit, 100));
        return transaction.execute(status -> {
            List<PropertySummary> found;
            String person = null;
            if (isValidCertificate(q)) {
                found = jdbc.sql(COLUMNS + "where certificate_number = :n").param("n", canonical(q)).query(SUMMARY).list();
            } else if (RegisterNumber.isValid(q, clock)) {
                person = RegisterNumber.parse(q, clock).value();
                found = jdbc.sql(COLUMNS + "where certificate_number in (select certificate_number from property.owner where person = :p) order by registered_on, certificate_number limit " + max)
                        .param("p", person).query(SUMMARY).list();
            } else if (EntityNumber.isValid(q)) {
                found = jdbc.sql(COLUMNS + "where certificate_number in (select certificate_number from property.owner where entity = :e) order by registered_on, certificate_number limit " + max)
                        .param("e", q).query(SUMMARY).list();
            } else {
                found = List.of();
            }
            audit.record(AuditEvent.success("property.property.searched", "property_search", null)
                    .withDetails(Map.of("query", q.length() > 100 ? q.substring(0, 100) : q, "legal_basis", basis,
                            "results", Integer.toString(found.size()))));
            if (person != null) {
                audit.record(AuditEvent.success("property.property.searched", "person", person)
                        .withDetails(Map.of("legal_basis", basis, "results", Integer.toString(found.size()))));
            }
            return found;
        });
    }

    /**
     * An officer's or a system's read of the properties a person owns (a share of), stating why: audited as a search
     * by that owner (a {@code property_search} entry and a {@code person} entry the owner sees), as the search page
     * does. This is what the data exchange's {@code property-by-owner} service answers with.
     */
    public List<Property> ownedBy(String registerNumber, String legalBasis) {
        String basis = legalBasis(legalBasis);
        String person = RegisterNumber.parse(registerNumber, clock).value();
        return transaction.execute(status -> {
            List<Property> found = jdbc.sql(COLUMNS + "where certificate_number in (select certificate_number from property.owner where person = :p) order by registered_on, certificate_number")
                    .param("p", person).query(this::property).list();
            audit.record(AuditEvent.success("property.property.searched", "property_search", null)
                    .withDetails(Map.of("query", person, "legal_basis", basis, "results", Integer.toString(found.size()))));
            audit.record(AuditEvent.success("property.property.searched", "person", person)
                    .withDetails(Map.of("legal_basis", basis, "results", Integer.toString(found.size()))));
            return found;
        });
    }

    /** The properties a person owns (a share of), for the person themselves ("My data"); not audited. */
    public List<Property> ofPerson(String registerNumber) {
        if (!RegisterNumber.isValid(registerNumber, clock)) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "where certificate_number in (select certificate_number from property.owner where person = :p) order by registered_on, certificate_number")
                .param("p", RegisterNumber.parse(registerNumber, clock).value()).query(this::property).list();
    }

    /** The property's registrations, oldest first. Callers read the property first (which is audited). */
    public List<PropertyChange> history(String certificateNumber) {
        return jdbc.sql("""
                select id, certificate_number, type, occurred_on, recorded_at, registrar, registrar_agency, legal_basis,
                       details::text from property.property_change where certificate_number = :n order by occurred_on, id""")
                .param("n", canonical(certificateNumber))
                .query((rs, i) -> new PropertyChange(rs.getLong(1), rs.getString(2), PropertyChangeType.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getString(7), rs.getString(8), parse(rs.getString(9))))
                .list();
    }

    public List<Purpose> purposes() {
        return jdbc.sql("select code, name_mn, name_en from property.purpose order by position").query(Purpose.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from property.property").query(Long.class).single();
    }

    // ---------------------------------------------------------------- rules and rows

    private void requireOwner(Actor registrar, String number) {
        if (registrar == null || !OWNER_AGENCY.equals(registrar.agencyCode())) {
            audit.record(new AuditEvent("property.write.denied", AuditEvent.Outcome.DENIED, "property", number, null,
                    Map.of("agency", registrar == null || registrar.agencyCode() == null ? "" : registrar.agencyCode())));
            throw new NotRegistryOwner();
        }
    }

    private List<Owner> owners(List<Owner> given) {
        if (given == null || given.isEmpty()) {
            throw new PropertyRefused("owners_missing");
        }
        List<Owner> owners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Owner o : given) {
            if (o == null || (o.person() == null) == (o.entity() == null)) {
                throw new PropertyRefused("owner_invalid");
            }
            BigDecimal share = Shares.normalize(o.share()).orElseThrow(() -> new PropertyRefused("owner_share_invalid"));
            Owner owner;
            if (o.person() != null) {
                if (!RegisterNumber.isValid(o.person(), clock)) {
                    throw new PropertyRefused("owner_invalid");
                }
                String rn = RegisterNumber.parse(o.person(), clock).value();
                if (!civil.exists(rn)) {
                    throw new PropertyRefused("owner_not_found");
                }
                owner = Owner.person(rn, share);
            } else {
                if (!EntityNumber.isValid(o.entity())) {
                    throw new PropertyRefused("owner_invalid");
                }
                String n = o.entity().strip();
                if (entities.find(n).filter(x -> x.status() != EntityStatus.LIQUIDATED).isEmpty()) {
                    throw new PropertyRefused("owner_not_found");
                }
                owner = Owner.entity(n, share);
            }
            if (!seen.add(owner.id())) {
                throw new PropertyRefused("owner_duplicate");
            }
            owners.add(owner);
        }
        if (!Shares.addUpToOne(owners.stream().map(Owner::share).toList())) {
            throw new PropertyRefused("owner_shares_not_one");
        }
        return owners;
    }

    private Property lock(String number) {
        return jdbc.sql(COLUMNS + "where certificate_number = :n for update").param("n", number).query(this::property)
                .optional().orElseThrow(PropertyNotFound::new);
    }

    private PropertyChange changed(String number, PropertyChangeType type, LocalDate on, OffsetDateTime now, Actor registrar,
                                   String basis, Map<String, String> details) {
        long id = append(number, type, on, now, registrar, basis, details);
        audit.record(AuditEvent.success("property.change.recorded", "property", number)
                .withDetails(Map.of("type", type.name(), "legal_basis", basis, "change", Long.toString(id))));
        return history(number).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    private LocalDate date(LocalDate on) {
        if (on == null) {
            throw new PropertyRefused("change_details_missing");
        }
        if (on.isAfter(today())) {
            throw new PropertyRefused("change_in_future");
        }
        return on;
    }

    private void touch(String number, OffsetDateTime now) {
        jdbc.sql("update property.property set updated_at = :now where certificate_number = :n")
                .param("now", now).param("n", number).update();
    }

    private void writeOwners(String number, List<Owner> owners) {
        int position = 0;
        for (Owner o : owners) {
            jdbc.sql("insert into property.owner (certificate_number, position, person, entity, share) values (:n, :p, :person, :entity, :share)")
                    .param("n", number).param("p", ++position).param("person", o.person()).param("entity", o.entity())
                    .param("share", o.share()).update();
        }
    }

    private static String describe(List<Owner> owners) {
        return owners.stream().map(o -> o.id() + " " + o.share().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MONGOLIA));
    }

    private String division(String code) {
        if (code == null || code.isBlank() || divisions.find(code.strip()).isEmpty()) {
            throw new PropertyRefused("division_unknown");
        }
        return code.strip();
    }

    private String purpose(String code) {
        String c = code == null ? "" : code.strip();
        if (jdbc.sql("select count(*) from property.purpose where code = :c").param("c", c).query(Long.class).single() == 0) {
            throw new PropertyRefused("purpose_unknown");
        }
        return c;
    }

    private static String line(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > 300) {
            throw new PropertyRefused("change_details_missing");
        }
        return text.strip();
    }

    private static String legalBasis(String text) {
        if (text == null || text.isBlank()) {
            throw new LegalBasisRequired();
        }
        String basis = text.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw new PropertyRefused("legal_basis_invalid");
        }
        return basis;
    }

    private long append(String number, PropertyChangeType type, LocalDate on, OffsetDateTime now, Actor registrar,
                        String basis, Map<String, String> details) {
        return jdbc.sql("""
                insert into property.property_change (certificate_number, type, occurred_on, recorded_at, registrar,
                    registrar_agency, legal_basis, details)
                values (:n, :type, :on, :now, :registrar, :agency, :basis, cast(:details as jsonb)) returning id""")
                .param("n", number).param("type", type.name()).param("on", on).param("now", now)
                .param("registrar", registrar.login()).param("agency", registrar.agencyCode()).param("basis", basis)
                .param("details", json.writeValueAsString(details)).query(Long.class).single();
    }

    private Optional<Property> load(String number) {
        return jdbc.sql(COLUMNS + "where certificate_number = :n").param("n", number).query(this::property).optional();
    }

    private Property property(ResultSet rs, int row) throws SQLException {
        String number = rs.getString(1);
        List<Owner> owners = jdbc.sql("select person, entity, share from property.owner where certificate_number = :n order by position")
                .param("n", number).query((o, i) -> new Owner(o.getString(1), o.getString(2), o.getBigDecimal(3))).list();
        List<Encumbrance> encumbrances = jdbc.sql("""
                select id, type, holder_name, holder_entity, amount, registered_on, released_on from property.encumbrance
                where certificate_number = :n order by id""").param("n", number)
                .query((e, i) -> new Encumbrance(e.getLong(1), EncumbranceType.valueOf(e.getString(2)), e.getString(3),
                        e.getString(4), e.getBigDecimal(5), e.getObject(6, LocalDate.class), e.getObject(7, LocalDate.class)))
                .list();
        return new Property(number, rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), owners, encumbrances);
    }

    private static final RowMapper<PropertySummary> SUMMARY = (rs, i) -> new PropertySummary(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getObject(6, LocalDate.class));

    private Map<String, String> parse(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }
}
