package mn.zasag.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The public services catalogue: the API other modules use to look services up. */
@Service
public class Services {

    /** A fee or time not yet sourced (null) reads as 0 (fee) and 30 days, the general limit for answering a petition. */
    private static final String COLUMNS = "code, agency_code, name_mn, name_en, channels, coalesce(fee_mnt, 0) as fee_mnt, "
            + "coalesce(days_to_decide, 30) as days_to_decide, form";

    private final JdbcClient jdbc;

    Services(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicService> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from catalog.service where code = :code").param("code", code)
                .query(Services::map).optional();
    }

    /** The service whose online form this is. */
    public Optional<PublicService> withForm(String form) {
        return jdbc.sql("select " + COLUMNS + " from catalog.service where form = :form").param("form", form)
                .query(Services::map).optional();
    }

    /** The services that can be applied for online (those with a form), by code. */
    public List<PublicService> online() {
        return jdbc.sql("select " + COLUMNS + " from catalog.service where form is not null order by code")
                .query(Services::map).list();
    }

    private static PublicService map(ResultSet rs, int n) throws SQLException {
        String[] channels = (String[]) rs.getArray("channels").getArray();
        return new PublicService(rs.getString("code"), rs.getString("agency_code"), rs.getString("name_mn"), rs.getString("name_en"),
                new LinkedHashSet<>(Arrays.asList(channels)), rs.getLong("fee_mnt"), rs.getInt("days_to_decide"), rs.getString("form"));
    }
}
