package mn.zasag.notifications.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;

/** How each citizen wants to be reached: SMS, email or both (the default, when they never chose). */
@Repository
public class ChannelPreferences {

    /** A citizen's choice. */
    public enum Choice { SMS, EMAIL, BOTH }

    private final JdbcClient jdbc;

    ChannelPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Choice of(long accountId) {
        return jdbc.sql("select channels from notifications.channel_preference where account_id = :id")
                .param("id", accountId).query(String.class).optional().map(Choice::valueOf).orElse(Choice.BOTH);
    }

    public void set(long accountId, Choice choice, OffsetDateTime now) {
        jdbc.sql("""
                        insert into notifications.channel_preference (account_id, channels, updated_at) values (:id, :c, :now)
                        on conflict (account_id) do update set channels = excluded.channels, updated_at = excluded.updated_at""")
                .param("id", accountId).param("c", choice.name()).param("now", now).update();
    }
}
