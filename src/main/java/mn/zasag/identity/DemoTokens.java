package mn.zasag.identity;

import mn.zasag.identity.internal.AccessTokens;
import org.springframework.stereotype.Service;

/** Lets the demo give its accounts the access tokens the README documents. */
@Service
public class DemoTokens {

    private final AccessTokens tokens;

    DemoTokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public void grant(long accountId, String token) {
        tokens.store(accountId, "demo", token, null);
    }
}
