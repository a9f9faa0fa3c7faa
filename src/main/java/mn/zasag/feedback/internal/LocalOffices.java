package mn.zasag.feedback.internal;

import mn.zasag.feedback.Category;
import mn.zasag.feedback.LocalOffice;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Division to local office routing as data ({@code feedback/local-offices.psv}), and which officers work
 * in which office ({@code feedback.office_staff}).
 */
@Component
public class LocalOffices {

    private final Map<String, LocalOffice> byCode;
    private final Map<String, LocalOffice> byAgencyAndDivision = new LinkedHashMap<>();
    private final Divisions divisions;
    private final JdbcClient jdbc;

    LocalOffices(Divisions divisions, JdbcClient jdbc) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.byCode = load();
        for (LocalOffice o : byCode.values()) {
            byAgencyAndDivision.put(o.agencyCode() + "|" + o.divisionCode(), o);
        }
    }

    public Optional<LocalOffice> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public List<LocalOffice> ofAgency(String agency) {
        return byCode.values().stream().filter(o -> o.agencyCode().equals(agency)).toList();
    }

    /**
     * The office that answers a case of this category from this place: the agency's office for the place
     * or the nearest place above it; empty (the national agency answers) when the category is not handled
     * locally, the case has no place or no office covers it.
     */
    public Optional<LocalOffice> route(Category category, String divisionCode) {
        if (!category.local() || divisionCode == null) {
            return Optional.empty();
        }
        String code = divisionCode;
        for (int depth = 0; code != null && depth < 5; depth++) {
            LocalOffice office = byAgencyAndDivision.get(category.agencyCode() + "|" + code);
            if (office != null) {
                return Optional.of(office);
            }
            code = divisions.find(code).map(Division::parentCode).orElse(null);
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ officers of offices

    /** The office this officer works in, or empty for the agency's national level. */
    public Optional<String> officeOf(String login) {
        return jdbc.sql("select office_code from feedback.office_staff where login = :login").param("login", login)
                .query(String.class).optional();
    }

    public record Member(String login, String officeCode, OffsetDateTime assignedAt, String assignedBy) {
    }

    public List<Member> members(String agency) {
        return jdbc.sql("select login, office_code, assigned_at, assigned_by from feedback.office_staff"
                        + " where agency_code = :agency order by office_code, login")
                .param("agency", agency)
                .query((rs, n) -> new Member(rs.getString("login"), rs.getString("office_code"),
                        CaseStore.local(rs, "assigned_at"), rs.getString("assigned_by"))).list();
    }

    void assign(String login, LocalOffice office, OffsetDateTime at, String by) {
        jdbc.sql("""
                        insert into feedback.office_staff (login, office_code, agency_code, assigned_at, assigned_by)
                        values (:login, :office, :agency, :at, :by)
                        on conflict (login) do update set office_code = excluded.office_code,
                            agency_code = excluded.agency_code, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""")
                .param("login", login).param("office", office.code()).param("agency", office.agencyCode())
                .param("at", at).param("by", by).update();
    }

    boolean unassign(String login, String agency) {
        return jdbc.sql("delete from feedback.office_staff where login = :login and agency_code = :agency")
                .param("login", login).param("agency", agency).update() > 0;
    }

    private static Map<String, LocalOffice> load() {
        Map<String, LocalOffice> offices = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("feedback/local-offices.psv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 5 || !f[0].strip().equals(f[1].strip() + "-" + f[2].strip())) {
                    throw new IllegalStateException("feedback/local-offices.psv: bad line " + line);
                }
                offices.put(f[0].strip(), new LocalOffice(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offices;
    }
}
