package mn.zasag.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Test helpers that need the module's package-private parts. */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    /** An action name no other test uses, so a test can find exactly its own entries. */
    public static String uniqueAction(String what) {
        return "test." + what + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Appends an entry as if it happened at {@code at}, with this actor: the only way to test what a
     * search makes of time without pinning the application's clock.
     */
    public static void appendAt(JdbcTemplate jdbc, OffsetDateTime at, String action, String actorLogin, String agency) {
        AuditChain.append(jdbc, java.util.List.of(new AuditEntry(0, at, action, "SUCCESS", null, actorLogin, agency, "test",
                null, null, Map.of(), null, null)));
    }
}
