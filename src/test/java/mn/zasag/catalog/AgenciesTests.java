package mn.zasag.catalog;

import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class AgenciesTests {

    @Autowired
    Agencies agencies;

    @Test
    void listsAgenciesInMongolianAlphabeticalOrder() {
        agencies.register(new Agency("ORD_U", "Үүүүүүү газар", "Ue office"));
        agencies.register(new Agency("ORD_Y", "Уууууу газар", "U office"));
        agencies.register(new Agency("ORD_H", "Хххххх газар", "Kh office"));

        List<String> names = agencies.all().stream().map(Agency::nameMn)
                .filter(n -> n.endsWith("газар") && n.matches("^(Үүүүүүү|Уууууу|Хххххх).*")).toList();

        // Mongolian alphabet: ... У, Ү, Ф, Х ...; byte order would put Ү after Я
        assertThat(names).containsExactly("Уууууу газар", "Үүүүүүү газар", "Хххххх газар");
    }

    @Test
    void refusesASecondAgencyWithTheSameCode() {
        agencies.register(new Agency("DUPL", "Нэг газар", "One office"));

        assertThatThrownBy(() -> agencies.register(new Agency("DUPL", "Өөр газар", "Other office")))
                .isInstanceOf(AgencyExists.class)
                .hasFieldOrPropertyWithValue("code", "agency_exists");
    }
}
