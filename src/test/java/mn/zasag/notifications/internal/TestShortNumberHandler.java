package mn.zasag.notifications.internal;

import mn.zasag.notifications.InboundSms;
import mn.zasag.notifications.InboundSmsHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only owner of the short number 149999 (the 11-11 module will own 141111): it writes what it takes
 * into the database in the transaction it is called in, as a real owner would, and fails on demand: a
 * text starting with "fail-always" always, "fail-once" on its first call.
 */
@Component
class TestShortNumberHandler implements InboundSmsHandler {

    static final String NUMBER = "149999";

    private final JdbcClient jdbc;
    /** Every call, including failed ones. */
    final List<InboundSms> calls = new CopyOnWriteArrayList<>();

    TestShortNumberHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> shortNumbers() {
        return Set.of(NUMBER);
    }

    @Override
    public void handle(InboundSms sms) {
        boolean first = calls.stream().noneMatch(c -> c.id() == sms.id());
        calls.add(sms);
        // a write the handler's transaction must commit or roll back with the HANDLED mark
        jdbc.sql("insert into notifications.inbound_sms_part (source, short_number, reference, total, seq, data_coding, payload, received_at)"
                        + " values ('test-handler', :short, :ref, 2, 1, 0, '\\x00', now())")
                .param("short", "h" + sms.id()).param("ref", (int) (sms.id() % 1_000_000)).update();
        if (sms.text().startsWith("fail-always") || (sms.text().startsWith("fail-once") && first)) {
            throw new IllegalStateException("the test handler refuses " + sms.id());
        }
    }

    /** How many of the handler's writes committed for this message. */
    long committedWrites(long id) {
        return jdbc.sql("select count(*) from notifications.inbound_sms_part where source = 'test-handler' and short_number = :short")
                .param("short", "h" + id).query(Long.class).single();
    }

    List<InboundSms> callsFor(long id) {
        return calls.stream().filter(c -> c.id() == id).toList();
    }
}
