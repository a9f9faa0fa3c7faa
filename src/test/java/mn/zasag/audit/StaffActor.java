package mn.zasag.audit;

import mn.zasag.identity.Permission;
import mn.zasag.identity.Role;
import mn.zasag.shared.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A principal for tests, shaped like the identity module's: it is an {@link Actor}, and its authorities
 * are the real role's permissions, so a test of "an officer" tests what an officer really may do.
 */
public final class StaffActor implements UserDetails, Actor {

    private static final AtomicLong ids = new AtomicLong(900_000);

    private final long id;
    private final String login;
    private final String agencyCode;
    private final List<GrantedAuthority> authorities;

    private StaffActor(String login, String agencyCode, Collection<String> authorities) {
        this.id = ids.incrementAndGet();
        this.login = login;
        this.agencyCode = agencyCode;
        this.authorities = authorities.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    public static StaffActor of(Role role, String login, String agencyCode) {
        return new StaffActor(login, agencyCode, role.permissions().stream().map(Permission::name).toList());
    }

    public static StaffActor officer(String login, String agencyCode) {
        return of(Role.OFFICER, login, agencyCode);
    }

    public static StaffActor platformAdmin(String login) {
        return of(Role.PLATFORM_ADMIN, login, null);
    }

    public static StaffActor citizen(String login) {
        return of(Role.CITIZEN, login, null);
    }

    /** Someone holding exactly these authorities, for the combinations no role has. */
    public static StaffActor withAuthorities(String login, String agencyCode, String... authorities) {
        return new StaffActor(login, agencyCode, List.of(authorities));
    }

    public Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities);
    }

    /** Makes this actor the current one on this thread; tests clear the context afterwards. */
    public StaffActor signIn() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication());
        SecurityContextHolder.setContext(context);
        return this;
    }

    @Override
    public Long accountId() {
        return id;
    }

    @Override
    public String login() {
        return login;
    }

    @Override
    public String agencyCode() {
        return agencyCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public String toString() {
        return "StaffActor[" + login + ", " + agencyCode + "]";
    }
}
