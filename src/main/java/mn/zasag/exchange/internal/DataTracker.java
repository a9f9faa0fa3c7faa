package mn.zasag.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * «Who used my data»: every call through the exchange that was about a person, from the message log — which
 * agency (the client's member), which official ({@code X-Road-UserId}), when, which service, with what stated
 * purpose, and whether it was answered. Calls to services whose log is switched off are not in the log and so not here.
 */
@Component
public class DataTracker {

    public record Use(OffsetDateTime at, String client, String agency, String userId, String service, String purpose, int status,
                      String error) {
    }

    private final JdbcClient jdbc;

    DataTracker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Use> of(String registerNumber) {
        return jdbc.sql("""
                        select l.logged_at, l.client_id, m.name, l.user_id, l.service_id, l.issue, l.status, l.error_type
                        from exchange.message_log l
                        left join exchange.subsystem s on s.id = l.client_id left join exchange.member m on m.id = s.member_id
                        where l.subject = :rn order by l.logged_at desc limit 200""")
                .param("rn", registerNumber)
                .query((rs, n) -> new Use(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8))).list();
    }
}
