package mn.zasag.legalentity.internal;

import mn.zasag.registry.internal.NameKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Entity names fold like persons' names, so one spelling habit finds both. */
class NameFoldTests {

    @Test
    void foldsLettersExactlyAsTheCivilRegistryDoes() {
        for (String name : List.of("Бат-Эрдэнэ", "Цэцэг Хүнс", "Хөх Тэнгэр", "Tsetseg Khuns", "Жаргалсайхан", "Öndör Ügüi",
                "Щит", "Yesön Zuil", "Mönkh-Ochir")) {
            assertThat(NameFold.key(name)).as(name).isEqualTo(NameKey.of(name));
        }
    }

    @Test
    void keepsDigitsAndSplitsWords() {
        assertThat(NameFold.key("«Монгол Шуудан» ХК")).isEqualTo("mongolshuudanhk");
        assertThat(NameFold.words("Монгол Шуудан 2")).isEqualTo(" mongol shuudan 2");
        assertThat(NameFold.words("tsetseg-khuns", 4)).containsExactly("ceceg", "huns");
    }
}
