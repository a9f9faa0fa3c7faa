package mn.zasag.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out the number of a new national ID card: twelve digits from a sequence above every number issued
 * before, skipping any a card already carries (numbers loaded from the old register may sit in the range).
 */
@Component
public class CivilIdNumbers {

    private final JdbcClient jdbc;

    CivilIdNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        while (true) {
            String candidate = Long.toString(jdbc.sql("select nextval('registry.civil_id_number')").query(Long.class).single());
            if (jdbc.sql("select count(*) from registry.person where civil_id = :c").param("c", candidate)
                    .query(Long.class).single() == 0) {
                return candidate;
            }
        }
    }
}
