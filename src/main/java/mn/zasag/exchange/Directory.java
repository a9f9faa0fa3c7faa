package mn.zasag.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The exchange directory (X-Road's global configuration, kept as data): members, their subsystems, the
 * services subsystems publish with their endpoints, and the access rights providers grant (default deny).
 * Every change is one transaction with its audit entry. {@code limitToAgency} scopes an agency admin to the
 * member of their own agency; platform admins pass null.
 */
@Service
public class Directory {

    /** The exchange instance of Mongolia. */
    public static final String INSTANCE = "MN";
    public static final Set<String> LOG_MODES = Set.of("FULL", "METADATA", "OFF");
    private static final Pattern GOV_CODE = Pattern.compile("^[0-9]{7}$");
    private static final Pattern OTHER_CODE = Pattern.compile("^[0-9]{7,10}$");
    private static final Pattern SUBSYSTEM = Pattern.compile("^[a-z0-9][a-z0-9-]{1,49}$");
    private static final Pattern SERVICE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]{1,49}$");
    private static final Pattern METHOD = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|\\*)$");
    /** Codes that PR-MREST reserves for metaservices. */
    public static final Set<String> RESERVED = Set.of("listClients", "listMethods", "allowedMethods", "getOpenAPI");

    public record Member(String id, String memberClass, String memberCode, String name, String agencyCode) {
    }

    public record Subsystem(String id, String memberId, String code, String name) {
    }

    public record ServiceEntry(String id, String subsystemId, String code, String title, String provider, String openApi,
                               String logMode, boolean personalData, boolean consentRequired, int timeoutMs, boolean enabled,
                               List<EndpointEntry> endpoints) {
    }

    public record EndpointEntry(long id, String method, String path) {
    }

    /** A right granted to one client subsystem ({@code clientId}) or to a group ({@code groupId}, {@code group} its name). */
    public record AccessRight(long id, String serviceId, Long endpointId, String endpoint, String clientId, Long groupId, String group) {

        /** Who holds the right, for pages: the subsystem id or the group's name. */
        @JsonProperty("grantee")
        public String grantee() {
            return clientId != null ? clientId : group;
        }
    }

    /**
     * A group of client subsystems (X-Road's global and local groups): {@code GLOBAL} groups belong to the instance and
     * any provider may grant them; {@code LOCAL} groups belong to one member and serve only that member's services.
     */
    public record Group(long id, String kind, String ownerMemberId, String code, String description, List<String> members) {

        /** The group's name as X-Road writes it: {@code MN/code} for a global group, {@code owner member/code} for a local one. */
        @JsonProperty("name")
        public String name() {
            return ("GLOBAL".equals(kind) ? INSTANCE : ownerMemberId) + ":" + code;
        }
    }

    public static final Set<String> GROUP_KINDS = Set.of("GLOBAL", "LOCAL");
    private static final Pattern GROUP_CODE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{1,49}$");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, ServiceProvider> providers;

    Directory(JdbcClient jdbc, AuditTrail audit, Clock clock, List<ServiceProvider> providers) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.providers = providers.stream().collect(Collectors.toMap(ServiceProvider::key, Function.identity()));
    }

    // ------------------------------------------------------------------ reads

    public List<Member> members() {
        return jdbc.sql("select id, member_class, member_code, name, agency_code from exchange.member order by member_class, member_code")
                .query(Directory::member).list();
    }

    public Optional<Member> member(String id) {
        return jdbc.sql("select id, member_class, member_code, name, agency_code from exchange.member where id = :id")
                .param("id", id).query(Directory::member).optional();
    }

    public Optional<Member> memberOfAgency(String agencyCode) {
        return jdbc.sql("select id, member_class, member_code, name, agency_code from exchange.member where agency_code = :a")
                .param("a", agencyCode).query(Directory::member).optional();
    }

    public List<Subsystem> subsystems(String memberId) {
        return jdbc.sql("select id, member_id, code, name from exchange.subsystem where (:m::text is null or member_id = :m) order by id")
                .param("m", memberId).query((rs, n) -> new Subsystem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public Optional<Subsystem> subsystem(String id) {
        return jdbc.sql("select id, member_id, code, name from exchange.subsystem where id = :id").param("id", id)
                .query((rs, n) -> new Subsystem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    public List<ServiceEntry> services(String subsystemId) {
        return jdbc.sql("select * from exchange.service where (:s::text is null or subsystem_id = :s) order by id")
                .param("s", subsystemId).query((rs, n) -> service(rs)).list().stream().map(this::withEndpoints).toList();
    }

    public Optional<ServiceEntry> service(String id) {
        return jdbc.sql("select * from exchange.service where id = :id").param("id", id).query((rs, n) -> service(rs)).optional()
                .map(this::withEndpoints);
    }

    public List<AccessRight> rights(String serviceId) {
        return jdbc.sql("""
                        select r.id, r.service_id, r.endpoint_id, e.method || ' ' || e.path, r.client_id, r.group_id,
                               case g.kind when 'GLOBAL' then 'MN' else g.owner_member_id end || ':' || g.code
                        from exchange.access_right r
                        left join exchange.endpoint e on e.id = r.endpoint_id
                        left join exchange.client_group g on g.id = r.group_id where r.service_id = :s order by r.id""")
                .param("s", serviceId).query((rs, n) -> new AccessRight(rs.getLong(1), rs.getString(2),
                        (Long) rs.getObject(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7))).list();
    }

    /** Every group with its member subsystems, global groups first. */
    public List<Group> groups() {
        return jdbc.sql("select id from exchange.client_group order by kind, owner_member_id nulls first, code").query(Long.class).list()
                .stream().map(id -> group(id).orElseThrow()).toList();
    }

    public Optional<Group> group(long id) {
        return jdbc.sql("select id, kind, owner_member_id, code, description from exchange.client_group where id = :id").param("id", id)
                .query((rs, n) -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), List.of()))
                .optional().map(g -> new Group(g.id(), g.kind(), g.ownerMemberId(), g.code(), g.description(),
                        jdbc.sql("select subsystem_id from exchange.group_member where group_id = :g order by subsystem_id")
                                .param("g", g.id()).query(String.class).list()));
    }

    /** Providers a subsystem may publish, by key. */
    public Set<String> providerKeys() {
        return Set.copyOf(providers.keySet());
    }

    // ------------------------------------------------------------------ changes

    @Transactional
    public Member registerMember(String memberClass, String memberCode, String name, String agencyCode) {
        if (memberClass == null || !XRoadId.MEMBER_CLASSES.contains(memberClass)) {
            throw DirectoryRefused.invalid("member", "The member class is GOV, COM or NGO");
        }
        if (memberCode == null || !(memberClass.equals("GOV") ? GOV_CODE : OTHER_CODE).matcher(memberCode).matches()) {
            throw DirectoryRefused.invalid("member", "The member code is the entity's registration number (7 digits for GOV)");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw DirectoryRefused.invalid("member", "The member needs a name");
        }
        if (agencyCode != null && !memberClass.equals("GOV")) {
            throw DirectoryRefused.invalid("member", "Only GOV members stand for an agency");
        }
        String id = XRoadId.member(INSTANCE, memberClass, memberCode).toString();
        try {
            jdbc.sql("""
                    insert into exchange.member (id, instance, member_class, member_code, name, agency_code, created_at)
                    values (:id, :i, :c, :code, :name, :agency, :now)""")
                    .param("id", id).param("i", INSTANCE).param("c", memberClass).param("code", memberCode)
                    .param("name", name.strip()).param("agency", agencyCode).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("member");
        }
        audit.record(AuditEvent.success("exchange.member.registered", "exchange_member", id)
                .withDetails(agencyCode == null ? Map.of() : Map.of("agency", agencyCode)));
        return member(id).orElseThrow();
    }

    @Transactional
    public Subsystem addSubsystem(String memberId, String code, String name, String limitToAgency) {
        Member member = scoped(memberId, limitToAgency);
        if (code == null || !SUBSYSTEM.matcher(code).matches()) {
            throw DirectoryRefused.invalid("subsystem", "Subsystem codes are 2-50 lower-case letters, digits and hyphens");
        }
        String id = member.id() + "/" + code;
        try {
            jdbc.sql("insert into exchange.subsystem (id, member_id, code, name, created_at) values (:id, :m, :code, :name, :now)")
                    .param("id", id).param("m", member.id()).param("code", code)
                    .param("name", name == null || name.isBlank() ? code : name.strip()).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("subsystem");
        }
        audit.record(AuditEvent.success("exchange.subsystem.added", "exchange_subsystem", id));
        return subsystem(id).orElseThrow();
    }

    /** Publishes a provider's service under a subsystem, with the provider's OpenAPI description and endpoints. */
    @Transactional
    public ServiceEntry publish(String subsystemId, String providerKey, String code, String limitToAgency) {
        Subsystem subsystem = subsystem(subsystemId).orElseThrow(() -> DirectoryRefused.notFound("subsystem"));
        scoped(subsystem.memberId(), limitToAgency);
        ServiceProvider provider = providers.get(providerKey);
        if (provider == null) {
            throw DirectoryRefused.notFound("provider");
        }
        ServiceProvider.Definition d = provider.definition();
        String serviceCode = code == null || code.isBlank() ? d.code() : code.strip();
        if (!SERVICE.matcher(serviceCode).matches() || RESERVED.contains(serviceCode)) {
            throw DirectoryRefused.invalid("service", "Service codes are 2-50 letters, digits and hyphens, not a metaservice's name");
        }
        String id = subsystemId + "/" + serviceCode;
        try {
            jdbc.sql("""
                    insert into exchange.service (id, subsystem_id, code, title, provider, openapi, personal_data, consent_required, created_at)
                    values (:id, :s, :code, :title, :provider, :openapi, :personal, :consent, :now)""")
                    .param("id", id).param("s", subsystemId).param("code", serviceCode).param("title", d.title())
                    .param("provider", providerKey).param("openapi", d.openApi()).param("personal", d.personalData())
                    .param("consent", d.consentRequired()).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("service");
        }
        for (ServiceProvider.Endpoint e : d.endpoints()) {
            jdbc.sql("insert into exchange.endpoint (service_id, method, path) values (:s, :m, :p)")
                    .param("s", id).param("m", e.method()).param("p", e.path()).update();
        }
        audit.record(AuditEvent.success("exchange.service.published", "exchange_service", id).withDetails(Map.of("provider", providerKey)));
        return service(id).orElseThrow();
    }

    /** Changes how a service is logged and guarded. */
    @Transactional
    public ServiceEntry configure(String serviceId, String logMode, boolean consentRequired, int timeoutMs, boolean enabled,
                                  String limitToAgency) {
        ServiceEntry s = scopedService(serviceId, limitToAgency);
        if (logMode == null || !LOG_MODES.contains(logMode)) {
            throw DirectoryRefused.invalid("service", "The log mode is FULL, METADATA or OFF");
        }
        if (timeoutMs < 100 || timeoutMs > 120_000) {
            throw DirectoryRefused.invalid("service", "The timeout is 100 to 120000 ms");
        }
        jdbc.sql("update exchange.service set log_mode = :l, consent_required = :c, timeout_ms = :t, enabled = :e where id = :id")
                .param("l", logMode).param("c", consentRequired).param("t", timeoutMs).param("e", enabled).param("id", s.id()).update();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("log_mode", logMode);
        details.put("consent_required", Boolean.toString(consentRequired));
        details.put("timeout_ms", Integer.toString(timeoutMs));
        details.put("enabled", Boolean.toString(enabled));
        audit.record(AuditEvent.success("exchange.service.configured", "exchange_service", s.id()).withDetails(details));
        return service(s.id()).orElseThrow();
    }

    /**
     * Grants a client subsystem the whole service ({@code endpointId} null) or one endpoint of it.
     */
    @Transactional
    public AccessRight grant(String serviceId, Long endpointId, String clientId, String limitToAgency) {
        ServiceEntry s = scopedService(serviceId, limitToAgency);
        if (subsystem(clientId).isEmpty()) {
            throw DirectoryRefused.notFound("subsystem");
        }
        if (endpointId != null && s.endpoints().stream().noneMatch(e -> e.id() == endpointId)) {
            throw DirectoryRefused.notFound("endpoint");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into exchange.access_right (service_id, endpoint_id, client_id, granted_by, granted_at)
                    values (:s, :e, :c, :by, :now) returning id""")
                    .param("s", s.id()).param("e", endpointId).param("c", clientId).param("by", currentLogin())
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("right");
        }
        audit.record(AuditEvent.success("exchange.access.granted", "exchange_service", s.id())
                .withDetails(Map.of("client", clientId, "endpoint", endpointId == null ? "*" : endpointId.toString())));
        return rights(s.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void revoke(long rightId, String limitToAgency) {
        AccessRight right = jdbc.sql("select id, service_id, endpoint_id, null, client_id, group_id from exchange.access_right where id = :id")
                .param("id", rightId).query((rs, n) -> new AccessRight(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), null,
                        rs.getString(5), (Long) rs.getObject(6), null)).optional().orElseThrow(() -> DirectoryRefused.notFound("right"));
        scopedService(right.serviceId(), limitToAgency);
        jdbc.sql("delete from exchange.access_right where id = :id").param("id", rightId).update();
        audit.record(AuditEvent.success("exchange.access.revoked", "exchange_service", right.serviceId())
                .withDetails(grantee(right.clientId(), right.groupId(), right.endpointId())));
    }

    // ------------------------------------------------------------------ groups

    /**
     * Creates a group. A {@code GLOBAL} group is the instance's and only platform admins create it ({@code ownerMemberId}
     * null); a {@code LOCAL} group belongs to {@code ownerMemberId}, whose agency admin may create it.
     */
    @Transactional
    public Group createGroup(String kind, String ownerMemberId, String code, String description, String limitToAgency) {
        if (kind == null || !GROUP_KINDS.contains(kind)) {
            throw DirectoryRefused.invalid("group", "The group kind is GLOBAL or LOCAL");
        }
        if (code == null || !GROUP_CODE.matcher(code).matches()) {
            throw DirectoryRefused.invalid("group", "Group codes are 2-50 letters, digits, hyphens and underscores");
        }
        String owner = null;
        if ("GLOBAL".equals(kind)) {
            if (limitToAgency != null) {
                throw DirectoryRefused.notYours();
            }
        } else {
            if (ownerMemberId == null || ownerMemberId.isBlank()) {
                throw DirectoryRefused.invalid("group", "A local group names the member that owns it");
            }
            owner = scoped(ownerMemberId, limitToAgency).id();
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into exchange.client_group (kind, owner_member_id, code, description, created_by, created_at)
                            values (:k, :o, :c, :d, :by, :now) returning id""")
                    .param("k", kind).param("o", owner).param("c", code)
                    .param("d", description == null || description.isBlank() ? code : description.strip())
                    .param("by", currentLogin()).param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("group");
        }
        Group group = group(id).orElseThrow();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("group", group.name());
        audit.record(AuditEvent.success("exchange.group.created", "exchange_group", Long.toString(id)).withDetails(details));
        return group;
    }

    /** Adds a client subsystem to a group; every right granted to the group applies to it from the next call. */
    @Transactional
    public Group addGroupMember(long groupId, String subsystemId, String limitToAgency) {
        Group group = scopedGroup(groupId, limitToAgency);
        if (subsystemId == null || subsystem(subsystemId).isEmpty()) {
            throw DirectoryRefused.notFound("subsystem");
        }
        try {
            jdbc.sql("insert into exchange.group_member (group_id, subsystem_id, added_by, added_at) values (:g, :s, :by, :now)")
                    .param("g", groupId).param("s", subsystemId).param("by", currentLogin()).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("group_member");
        }
        audit.record(AuditEvent.success("exchange.group.member_added", "exchange_group", Long.toString(groupId))
                .withDetails(Map.of("group", group.name(), "client", subsystemId)));
        return group(groupId).orElseThrow();
    }

    /** Removes a client subsystem from a group; the rights it held through the group end with the next call. */
    @Transactional
    public Group removeGroupMember(long groupId, String subsystemId, String limitToAgency) {
        Group group = scopedGroup(groupId, limitToAgency);
        int removed = jdbc.sql("delete from exchange.group_member where group_id = :g and subsystem_id = :s")
                .param("g", groupId).param("s", subsystemId).update();
        if (removed == 0) {
            throw DirectoryRefused.notFound("group_member");
        }
        audit.record(AuditEvent.success("exchange.group.member_removed", "exchange_group", Long.toString(groupId))
                .withDetails(Map.of("group", group.name(), "client", subsystemId)));
        return group(groupId).orElseThrow();
    }

    /**
     * Grants a group the whole service ({@code endpointId} null) or one endpoint of it. A local group serves only its
     * owner member's services.
     */
    @Transactional
    public AccessRight grantToGroup(String serviceId, Long endpointId, long groupId, String limitToAgency) {
        ServiceEntry s = scopedService(serviceId, limitToAgency);
        Group group = group(groupId).orElseThrow(() -> DirectoryRefused.notFound("group"));
        String providerMember = subsystem(s.subsystemId()).orElseThrow().memberId();
        if ("LOCAL".equals(group.kind()) && !providerMember.equals(group.ownerMemberId())) {
            throw DirectoryRefused.invalid("group", "A local group can be granted only its own member's services");
        }
        if (endpointId != null && s.endpoints().stream().noneMatch(e -> e.id() == endpointId)) {
            throw DirectoryRefused.notFound("endpoint");
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into exchange.access_right (service_id, endpoint_id, group_id, granted_by, granted_at)
                            values (:s, :e, :g, :by, :now) returning id""")
                    .param("s", s.id()).param("e", endpointId).param("g", groupId).param("by", currentLogin())
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("right");
        }
        audit.record(AuditEvent.success("exchange.access.granted", "exchange_service", s.id())
                .withDetails(grantee(null, groupId, endpointId)));
        return rights(s.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private Group scopedGroup(long groupId, String limitToAgency) {
        Group group = group(groupId).orElseThrow(() -> DirectoryRefused.notFound("group"));
        if ("GLOBAL".equals(group.kind())) {
            if (limitToAgency != null) {
                throw DirectoryRefused.notYours();
            }
        } else {
            scoped(group.ownerMemberId(), limitToAgency);
        }
        return group;
    }

    private Map<String, String> grantee(String clientId, Long groupId, Long endpointId) {
        Map<String, String> details = new LinkedHashMap<>();
        if (clientId != null) {
            details.put("client", clientId);
        } else {
            details.put("group", group(groupId).map(Group::name).orElse(Long.toString(groupId)));
        }
        details.put("endpoint", endpointId == null ? "*" : endpointId.toString());
        return details;
    }

    /** Binds a TLS client certificate from our PKI (by serial) to the subsystem it authenticates. */
    @Transactional
    public void bindCertificate(String serial, String subsystemId, String limitToAgency) {
        Subsystem s = subsystem(subsystemId).orElseThrow(() -> DirectoryRefused.notFound("subsystem"));
        scoped(s.memberId(), limitToAgency);
        if (serial == null || !serial.matches("^[0-9A-Fa-f]{1,40}$")) {
            throw DirectoryRefused.invalid("certificate", "The serial is the certificate's serial number in hex");
        }
        try {
            jdbc.sql("insert into exchange.client_certificate (serial, subsystem_id, bound_by, bound_at) values (:s, :sub, :by, :now)")
                    .param("s", serial.toUpperCase()).param("sub", subsystemId).param("by", currentLogin())
                    .param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw DirectoryRefused.exists("certificate");
        }
        audit.record(AuditEvent.success("exchange.certificate.bound", "exchange_subsystem", subsystemId)
                .withDetails(Map.of("serial", serial.toUpperCase())));
    }

    /** The subsystem a TLS client certificate is bound to. */
    public Optional<String> subsystemOfCertificate(String serial) {
        return jdbc.sql("select subsystem_id from exchange.client_certificate where serial = :s").param("s", serial.toUpperCase())
                .query(String.class).optional();
    }

    // ------------------------------------------------------------------ helpers

    private Member scoped(String memberId, String limitToAgency) {
        Member member = member(memberId).orElseThrow(() -> DirectoryRefused.notFound("member"));
        if (limitToAgency != null && !limitToAgency.equals(member.agencyCode())) {
            throw DirectoryRefused.notYours();
        }
        return member;
    }

    private ServiceEntry scopedService(String serviceId, String limitToAgency) {
        ServiceEntry s = service(serviceId).orElseThrow(() -> DirectoryRefused.notFound("service"));
        scoped(subsystem(s.subsystemId()).orElseThrow().memberId(), limitToAgency);
        return s;
    }

    private ServiceEntry withEndpoints(ServiceEntry s) {
        List<EndpointEntry> endpoints = jdbc.sql("select id, method, path from exchange.endpoint where service_id = :s order by id")
                .param("s", s.id()).query((rs, n) -> new EndpointEntry(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        return new ServiceEntry(s.id(), s.subsystemId(), s.code(), s.title(), s.provider(), s.openApi(), s.logMode(), s.personalData(),
                s.consentRequired(), s.timeoutMs(), s.enabled(), endpoints);
    }

    private static ServiceEntry service(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ServiceEntry(rs.getString("id"), rs.getString("subsystem_id"), rs.getString("code"), rs.getString("title"),
                rs.getString("provider"), rs.getString("openapi"), rs.getString("log_mode"), rs.getBoolean("personal_data"),
                rs.getBoolean("consent_required"), rs.getInt("timeout_ms"), rs.getBoolean("enabled"), List.of());
    }

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static String currentLogin() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

}
