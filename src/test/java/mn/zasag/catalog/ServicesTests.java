package mn.zasag.catalog;

import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ZasagTest
class ServicesTests {

    @Autowired
    Services services;

    @Test
    void loadsTheCatalogueFromItsDataFilesAtStart() {
        PublicService transfer = services.find("MRT-VEH-001").orElseThrow();

        assertThat(transfer.agencyCode()).isEqualTo("MRT");
        assertThat(transfer.nameMn()).isEqualTo("Тээврийн хэрэгслийн өмчлөх эрх шилжүүлэх");
        assertThat(transfer.channels()).containsExactly("online", "office");
        assertThat(transfer.form()).isEqualTo("vehicle-transfer");
        assertThat(services.withForm("vehicle-transfer")).contains(transfer);
    }

    @Test
    void listsTheServicesOfferedOnline() {
        assertThat(services.online()).extracting(PublicService::code)
                .contains("GASI-SI-001", "GASWS-SW-006", "POLICE-DL-001", "GASR-CIV-004")
                .allMatch(code -> services.find(code).orElseThrow().online());
    }

    @Test
    void findsNothingForAnUnknownCode() {
        assertThat(services.find("NOPE-XX-000")).isEmpty();
        assertThat(services.withForm("no-such-form")).isEmpty();
    }
}
