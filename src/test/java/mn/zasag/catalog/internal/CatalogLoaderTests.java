package mn.zasag.catalog.internal;

import mn.zasag.ZasagTest;
import mn.zasag.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The version rule: the file is the source, but an admin's edit survives until the file carries a newer version. */
@ZasagTest
class CatalogLoaderTests {

    @Autowired
    CatalogLoader loader;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcClient jdbc;

    private static final Actor PLATFORM_ADMIN = new Actor() {
        public Long accountId() {
            return null;
        }

        public String login() {
            return "loader-test-admin";
        }

        public String agencyCode() {
            return null;
        }
    };

    @Test
    void keepsAnAdminsEditOverRestartsUntilTheFileCarriesANewerVersion() {
        loader.loadServices("catalog-test/services-v1.tsv");
        assertThat(catalogue.get("TEST-LOADER-001").descriptionEn()).isEqualTo("File description 1");

        ServiceDetail s = catalogue.get("TEST-LOADER-001");
        catalogue.update(s.code(), new ServiceEdit(s.nameMn(), s.nameEn(), s.descriptionMn(), "Edited by an admin", "", "",
                s.category(), null, List.of("online", "office"), 500L, null, List.of("id-card"), s.documentsProduced()), PLATFORM_ADMIN);

        loader.loadServices("catalog-test/services-v1.tsv"); // a restart with the same file
        ServiceDetail kept = catalogue.get("TEST-LOADER-001");
        assertThat(kept.descriptionEn()).isEqualTo("Edited by an admin");
        assertThat(kept.feeMnt()).isEqualTo(500L);
        assertThat(kept.editedBy()).isEqualTo("loader-test-admin");

        loader.loadServices("catalog-test/services-v2.tsv"); // the file's row is now newer than the edit
        ServiceDetail replaced = catalogue.get("TEST-LOADER-001");
        assertThat(replaced.descriptionEn()).isEqualTo("File description 2");
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.editedAt()).isNull();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'catalog.service.edit_superseded' and object_id = 'TEST-LOADER-001'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
