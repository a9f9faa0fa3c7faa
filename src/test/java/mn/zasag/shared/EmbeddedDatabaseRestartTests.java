package mn.zasag.shared;

import mn.zasag.Zasag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer's {@code ./mvnw spring-boot:run} does: a persistent embedded PostgreSQL under the data
 * directory, demo data on first start only, everything still there after a restart.
 */
class EmbeddedDatabaseRestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Zasag.class).run(
                "--zasag.db.embedded-mode=persistent",
                "--zasag.data-dir=" + dataDir,
                "--zasag.demo=true",
                "--server.port=0");
    }

    @Test
    void dataAndDemoSeedSurviveARestartAndDemoIsNotSeededTwice() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from catalog.agency").query(Long.class).single()).isEqualTo(22); // catalog/agencies.tsv
            assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single()).isEqualTo(11); // one per role, four registry officers, the welfare and licence officers, the 11-11 operator
            // the demo citizen's wallet holds a sealed marital status reference in both languages
            assertThat(jdbc.sql("select count(*) from documents.document where holder_register_number = 'УБ90052114' and agency_code = 'GASR'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from documents.rendition").query(Long.class).single()).isEqualTo(2);
            // an admin removes a demo token; a restart must not bring demo data back
            jdbc.sql("update identity.access_token set revoked_at = now() where name = 'demo'").update();
            jdbc.sql("insert into catalog.agency (code, name_mn, name_en) values ('KEPT', 'Хадгалагдсан', 'Kept')").update();
            // an admin's edit of a service must survive the catalogue file being loaded again at the next start
            jdbc.sql("update catalog.service set description_en = 'Edited', edited_at = now(), edited_by = 'admin' where code = 'VET-001'").update();
        }
        assertThat(Files.exists(dataDir.resolve("pg/PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from catalog.agency").query(Long.class).single()).isEqualTo(23);
            assertThat(jdbc.sql("select description_en from catalog.service where code = 'VET-001'").query(String.class).single())
                    .isEqualTo("Edited");
            assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single()).isEqualTo(11); // one per role, four registry officers, the welfare and licence officers, the 11-11 operator
            assertThat(jdbc.sql("select count(*) from identity.access_token where revoked_at is null").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from documents.document").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        }
    }
}
