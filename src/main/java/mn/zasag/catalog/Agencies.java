package mn.zasag.catalog;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agencies of the state: the API other modules use to list, find and register them. */
@Service
public class Agencies {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Agencies(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** In Mongolian alphabetical order (Ө after О, Ү after У), which byte order gets wrong. */
    public List<Agency> all() {
        return jdbc.sql("select code, name_mn, name_en from catalog.agency order by name_mn collate \"mn-x-icu\"")
                .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<Agency> find(String code) {
        return jdbc.sql("select code, name_mn, name_en from catalog.agency where code = :code")
                .param("code", code)
                .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Transactional
    public Agency register(Agency agency) {
        try {
            jdbc.sql("insert into catalog.agency (code, name_mn, name_en) values (:code, :mn, :en)")
                    .param("code", agency.code()).param("mn", agency.nameMn()).param("en", agency.nameEn())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AgencyExists(agency.code());
        }
        audit.record(AuditEvent.success("catalog.agency.registered", "agency", agency.code())
                .withDetails(Map.of("name_mn", agency.nameMn(), "name_en", agency.nameEn())));
        return agency;
    }
}
