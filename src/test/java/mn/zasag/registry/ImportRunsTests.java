package mn.zasag.registry;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports are recorded in {@code registry.import_run}: a finished import is there with its figures, an import
 * another node ran (a row this node never held) is shown like its own, one whose node stopped recording it
 * shows as interrupted, and an unknown import id answers {@code import_not_found}, not a person's problem.
 */
@ZasagTest
class ImportRunsTests {

    @Autowired
    PersonImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    private String recorded(String phase, OffsetDateTime updated) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into registry.import_run (id, file_name, actor, total_bytes, phase, bytes_read, rows_read, rejected,
                    imported, queued_at, started_at, finished_at, updated_at, registries)
                values (?, 'other-node.csv', 'admin', 1000, ?, 1000, 12, 2, 10, ?, ?, ?, ?, 'entities:3:3:0')""")
                .params(id, phase, updated.minusMinutes(1), updated.minusMinutes(1),
                        phase.equals("DONE") ? updated : null, updated).update();
        return id;
    }

    @Test
    void aFinishedImportIsRecordedWithItsFigures() throws IOException {
        Path csv = Files.createTempFile("recorded", ".csv");
        new PopulationGenerator(PopulationGenerator.DEFAULT_SEED + 41, PopulationGenerator.DEFAULT_AS_OF)
                .generate(50, List.of(new PersonsCsv(Files.newOutputStream(csv))));

        ImportProgress done = importer.run(csv, "Туршилт", "tester");

        assertThat(jdbc.sql("select phase || ' ' || rows_read || ' ' || imported || ' ' || rejected from registry.import_run "
                + "where id = ?").param(done.id()).query(String.class).single()).isEqualTo("DONE 50 50 0");
        assertThat(importer.recent()).extracting(ImportProgress::id).contains(done.id());
    }

    @Test
    void anImportOfAnotherNodeIsShownAndOneWhoseNodeStoppedShowsAsInterrupted() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        String elsewhere = recorded("DONE", OffsetDateTime.now());
        String stopped = recorded("WRITING", OffsetDateTime.now().minusMinutes(5));

        mvc.perform(get("/admin/registry/imports/" + elsewhere + "/progress").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("DONE")).andExpect(jsonPath("$.imported").value(10))
                .andExpect(jsonPath("$.rowsRead").value(12)).andExpect(jsonPath("$.file").value("other-node.csv"));
        mvc.perform(get("/admin/registry/imports/" + elsewhere).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("other-node.csv")));
        mvc.perform(get("/admin/registry/imports/" + stopped + "/progress").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("FAILED")).andExpect(jsonPath("$.errorCode").value("import_interrupted"))
                .andExpect(jsonPath("$.imported").value(0));
        mvc.perform(get("/admin/registry/imports").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("other-node.csv")));
        assertThat(importer.find(elsewhere)).get().extracting(p -> p.registries().get(0).imported()).isEqualTo(3L);
    }

    @Test
    void anUnknownImportAnswersItsOwnProblem() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        String unknown = UUID.randomUUID().toString();

        mvc.perform(get("/admin/registry/imports/" + unknown + "/progress").cookie(admin))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("import_not_found"));
        mvc.perform(get("/admin/registry/imports/" + unknown + "/rejects").cookie(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/registry/imports/" + unknown).cookie(admin)).andExpect(status().isNotFound());
    }
}
