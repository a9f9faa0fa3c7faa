package mn.zasag.exchange.web;

import jakarta.validation.constraints.NotBlank;
import mn.zasag.exchange.Directory;
import mn.zasag.exchange.DirectoryRefused;
import mn.zasag.exchange.internal.LogArchive;
import mn.zasag.exchange.internal.LogArchiver;
import mn.zasag.exchange.internal.LogChainer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * The directory's management API. Platform admins ({@code EXCHANGE_ADMIN}) manage every member; agency admins
 * ({@code EXCHANGE_MANAGE}) their own agency's member: its subsystems, services, access rights and certificates.
 * Identifiers travel as query parameters ({@code ?id=MN/GOV/1234567/civil-registry}) because they hold slashes.
 */
@RestController
@RequestMapping("/api/v1/exchange")
class DirectoryApi {

    private final Directory directory;
    private final LogArchive archive;
    private final LogChainer chainer;
    private final LogArchiver archiver;

    DirectoryApi(Directory directory, LogArchive archive, LogChainer chainer, LogArchiver archiver) {
        this.directory = directory;
        this.archive = archive;
        this.chainer = chainer;
        this.archiver = archiver;
    }

    record MemberBody(@NotBlank String memberClass, @NotBlank String memberCode, @NotBlank String name, String agencyCode) {
    }

    record SubsystemBody(@NotBlank String memberId, @NotBlank String code, String name) {
    }

    record ServiceBody(@NotBlank String subsystemId, @NotBlank String provider, String code) {
    }

    record ConfigureBody(@NotBlank String logMode, boolean consentRequired, int timeoutMs, boolean enabled) {
    }

    /** A right for one client subsystem ({@code clientId}) or for a group ({@code groupId}), not both. */
    record GrantBody(@NotBlank String serviceId, Long endpointId, String clientId, Long groupId) {
    }

    record GroupBody(@NotBlank String kind, String ownerMemberId, @NotBlank String code, String description) {
    }

    record GroupMemberBody(@NotBlank String subsystemId) {
    }

    record CertificateBody(@NotBlank String serial, @NotBlank String subsystemId) {
    }

    @GetMapping("/members")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    List<Directory.Member> members() {
        return directory.members();
    }

    @PostMapping("/members")
    @PreAuthorize("hasAuthority('EXCHANGE_ADMIN')")
    ResponseEntity<Directory.Member> register(@RequestBody MemberBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(directory.registerMember(body.memberClass(), body.memberCode(), body.name(), blank(body.agencyCode())));
    }

    @GetMapping("/subsystems")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    List<Directory.Subsystem> subsystems(@RequestParam(required = false) String memberId) {
        return directory.subsystems(memberId);
    }

    @PostMapping("/subsystems")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Directory.Subsystem> addSubsystem(Authentication auth, @RequestBody SubsystemBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.addSubsystem(body.memberId(), body.code(), body.name(), scope(auth)));
    }

    @GetMapping("/services")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    List<Directory.ServiceEntry> services(@RequestParam(required = false) String subsystemId) {
        return directory.services(subsystemId);
    }

    @PostMapping("/services")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Directory.ServiceEntry> publish(Authentication auth, @RequestBody ServiceBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.publish(body.subsystemId(), body.provider(), body.code(), scope(auth)));
    }

    @PutMapping("/services/settings")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    Directory.ServiceEntry configure(Authentication auth, @RequestParam String id, @RequestBody ConfigureBody body) {
        return directory.configure(id, body.logMode(), body.consentRequired(), body.timeoutMs(), body.enabled(), scope(auth));
    }

    @GetMapping("/rights")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    List<Directory.AccessRight> rights(@RequestParam String serviceId) {
        return directory.rights(serviceId);
    }

    @PostMapping("/rights")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Directory.AccessRight> grant(Authentication auth, @RequestBody GrantBody body) {
        boolean toClient = body.clientId() != null && !body.clientId().isBlank();
        if (toClient == (body.groupId() != null)) {
            throw new DirectoryRefused(HttpStatus.UNPROCESSABLE_CONTENT, "exchange_right_invalid",
                    "Grant the right to one client subsystem (clientId) or to one group (groupId)");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(toClient
                ? directory.grant(body.serviceId(), body.endpointId(), body.clientId(), scope(auth))
                : directory.grantToGroup(body.serviceId(), body.endpointId(), body.groupId(), scope(auth)));
    }

    @DeleteMapping("/rights/{id}")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Void> revoke(Authentication auth, @PathVariable long id) {
        directory.revoke(id, scope(auth));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/groups")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    List<Directory.Group> groups() {
        return directory.groups();
    }

    @GetMapping("/groups/{id}")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    Directory.Group group(@PathVariable long id) {
        return directory.group(id).orElseThrow(() -> new DirectoryRefused(HttpStatus.NOT_FOUND, "exchange_group_not_found",
                "No such group in the directory"));
    }

    /** A global group (platform admins) or a local group of a member (its agency admin). */
    @PostMapping("/groups")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Directory.Group> createGroup(Authentication auth, @RequestBody GroupBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.createGroup(body.kind(), blank(body.ownerMemberId()), body.code(),
                body.description(), scope(auth)));
    }

    @PostMapping("/groups/{id}/members")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Directory.Group> addGroupMember(Authentication auth, @PathVariable long id, @RequestBody GroupMemberBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.addGroupMember(id, body.subsystemId(), scope(auth)));
    }

    /** Removes a member subsystem ({@code ?subsystemId=}); what it could call through the group it cannot from the next call. */
    @DeleteMapping("/groups/{id}/members")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    Directory.Group removeGroupMember(Authentication auth, @PathVariable long id, @RequestParam String subsystemId) {
        return directory.removeGroupMember(id, subsystemId, scope(auth));
    }

    @PostMapping("/certificates")
    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    ResponseEntity<Void> bind(Authentication auth, @RequestBody CertificateBody body) {
        directory.bindCertificate(body.serial(), body.subsystemId(), scope(auth));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    /** The chained message log (records {@code from}..{@code to} of the chain) as an archive for the offline verifier. */
    @GetMapping("/log/export")
    @PreAuthorize("hasAuthority('EXCHANGE_ADMIN')")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long from, @RequestParam(required = false) Long to) {
        chainer.chainPending();
        long last = to == null ? archive.head() : to;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"exchange-log-" + from + "-" + last + ".jsonl\"")
                .body(out -> archive.export(from, last, out));
    }

    /** The archived months of the message log (files in {@code ${ZASAG_DATA_DIR}/archive/}). */
    @GetMapping("/log/archives")
    @PreAuthorize("hasAuthority('EXCHANGE_ADMIN')")
    List<LogArchiver.Archived> archives() {
        return archiver.archives();
    }

    /** Archives a closed month ({@code ?period=YYYY-MM}, oldest first) and removes its records once the archive verified. */
    @PostMapping("/log/archives")
    @PreAuthorize("hasAuthority('EXCHANGE_ADMIN')")
    ResponseEntity<LogArchiver.Archived> archive(@RequestParam String period) {
        return ResponseEntity.status(HttpStatus.CREATED).body(archiver.archive(period));
    }

    private static String scope(Authentication auth) {
        return DirectoryApiScope.of(auth);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
