package mn.zasag.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTests {

    @Test
    void cyrillicAndTheCommonLatinSpellingsFoldToTheSameKey() {
        assertThat(NameKey.of("Бат-Эрдэнэ")).isEqualTo(NameKey.of("Bat-Erdene")).isEqualTo(NameKey.of("baterdene"))
                .isEqualTo(NameKey.of("БАТ-ЭРДЭНЭ"));
        assertThat(NameKey.of("Цэцэг")).isEqualTo(NameKey.of("Tsetseg")).isEqualTo(NameKey.of("Ceceg"));
        assertThat(NameKey.of("Энхбаяр")).isEqualTo(NameKey.of("Enkhbayar")).isEqualTo(NameKey.of("Enhbayar"));
        assertThat(NameKey.of("Өлзий")).isEqualTo(NameKey.of("Ölzii")).isEqualTo(NameKey.of("Olzii"));
        assertThat(NameKey.of("Жаргал")).isEqualTo(NameKey.of("Zhargal")).isEqualTo(NameKey.of("Jargal"));
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(NameKey.of("Болд")).isNotEqualTo(NameKey.of("Бат"));
        assertThat(NameKey.ofQuery("  Болд   Bat-Erdene ")).containsExactly("bold", "baterdene");
    }
}
