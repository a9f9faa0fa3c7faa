package mn.zasag.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The administrative divisions, read-only reference data loaded from {@code registry/divisions.csv}. */
@Service
public class Divisions {

    private static final String COLUMNS = "select code, parent_code, level, name_mn, name_en from registry.division ";
    private final JdbcClient jdbc;

    Divisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All of them as a tree in document order: codes start with their parent's, so code order is that order. */
    public List<Division> all() {
        return jdbc.sql(COLUMNS + "order by code collate \"C\"")
                .query(Division.class).list();
    }

    /** The capital and the aimags. */
    public List<Division> topLevel() {
        return jdbc.sql(COLUMNS + "where parent_code is null order by code").query(Division.class).list();
    }

    public List<Division> children(String parentCode) {
        return jdbc.sql(COLUMNS + "where parent_code = :parent order by code").param("parent", parentCode)
                .query(Division.class).list();
    }

    public Optional<Division> find(String code) {
        return jdbc.sql(COLUMNS + "where code = :code").param("code", code).query(Division.class).optional();
    }
}
