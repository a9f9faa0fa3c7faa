package mn.zasag.identity.internal;

import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Role;
import mn.zasag.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The authenticated account as the security context holds it (and Spring Session stores it, hence
 * serializable). Authorities are the role's permissions plus {@code ROLE_<role>}.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String login;
    private final String displayName;
    private final Role role;
    private final String agencyCode;
    private final boolean enabled;
    private String passwordHash;

    public AccountPrincipal(AccountSummary account, String passwordHash) {
        this.id = account.id();
        this.login = account.login();
        this.displayName = account.displayName();
        this.role = account.role();
        this.agencyCode = account.agencyCode();
        this.enabled = account.enabled();
        this.passwordHash = passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
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

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The page each role starts from after login. */
    public String landing() {
        return switch (role) {
            case CITIZEN -> "/account";
            case OFFICER -> "/officer";
            case AGENCY_ADMIN -> "/admin/staff";
            case PLATFORM_ADMIN -> "/admin/agencies";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + id + ", " + role + "]";
    }
}
