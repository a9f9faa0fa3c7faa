package mn.zasag.audit.internal;

import mn.zasag.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which part of the trail the caller may read: all of it with {@code AUDIT_READ_ALL}, otherwise only
 * what people of their own agency did. A caller without an agency then sees nothing, rather than the
 * entries of everyone without one (citizens, the platform's own staff).
 *
 * @param all    whether every entry is visible
 * @param agency the agency whose entries are visible when not all; null means none
 */
public record AuditScope(boolean all, String agency) {

    static final String READ_ALL = "AUDIT_READ_ALL";

    /** The scope of whoever the security context says is calling. */
    public static AuditScope ofCaller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return new AuditScope(false, null);
        }
        boolean all = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(READ_ALL::equals);
        String agency = caller.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
        return new AuditScope(all, all ? null : agency);
    }

    /** Whether this scope can see anything at all. */
    public boolean seesAnything() {
        return all || agency != null;
    }
}
