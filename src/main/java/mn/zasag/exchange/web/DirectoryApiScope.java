package mn.zasag.exchange.web;

import mn.zasag.shared.Actor;
import org.springframework.security.core.Authentication;

/** Agency admins act on their own agency's member; platform admins ({@code EXCHANGE_ADMIN}) on any (null = no limit). */
final class DirectoryApiScope {

    private DirectoryApiScope() {
    }

    static String of(Authentication auth) {
        if (auth.getAuthorities().stream().anyMatch(a -> "EXCHANGE_ADMIN".equals(a.getAuthority()))) {
            return null;
        }
        String agency = auth.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
        return agency == null ? "-" : agency;
    }
}
