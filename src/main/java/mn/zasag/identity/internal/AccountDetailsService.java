package mn.zasag.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountStore store;

    AccountDetailsService(AccountStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        String trimmed = login == null ? "" : login.strip();
        return store.credentials(trimmed)
                .map(c -> new AccountPrincipal(c.account(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such login"));
    }
}
