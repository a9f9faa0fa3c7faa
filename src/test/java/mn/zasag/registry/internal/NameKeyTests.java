package mn.zasag.registry.internal;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static java.util.Map.entry;
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

    @Test
    void theLookupTableAndSkippedFoldsGiveTheKeysTheMapAndEveryFoldGave() {
        List<String> names = new ArrayList<>(List.of("Бат-Эрдэнэ", "Zkhorig", "yö", "Yöndon", "qkh", "Хишигт", "Цэцэгмаа",
                "Жаргалсайхан", "Өлзийбаяр", "Үүрцайх", "Щукин", "Ёндон", "Kharkhüü", "Tsxwq", "", "-", "Ёё'ъь ы"));
        // random words over Cyrillic, the Latin letters the folds start with and end with, and a few others
        String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяөүАБӨҮЁkhtszyöüwxqcjoeuvKHTSÖÜ -.'1";
        Random random = new Random(20261127);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder word = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                word.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(word.toString());
        }
        for (String name : names) {
            assertThat(NameKey.of(name)).as(name).isEqualTo(reference(name));
        }
    }

    /** NameKey.of as it was before it was made faster for the bulk import: the oracle. */
    private static String reference(String name) {
        Map<Character, String> cyrillic = Map.ofEntries(
                entry('а', "a"), entry('б', "b"), entry('в', "v"), entry('г', "g"), entry('д', "d"), entry('е', "ye"),
                entry('ё', "yo"), entry('ж', "j"), entry('з', "z"), entry('и', "i"), entry('й', "i"), entry('к', "k"),
                entry('л', "l"), entry('м', "m"), entry('н', "n"), entry('о', "o"), entry('ө', "o"), entry('п', "p"),
                entry('р', "r"), entry('с', "s"), entry('т', "t"), entry('у', "u"), entry('ү', "u"), entry('ф', "f"),
                entry('х', "kh"), entry('ц', "ts"), entry('ч', "ch"), entry('ш', "sh"), entry('щ', "sh"), entry('ъ', "i"),
                entry('ы', "y"), entry('ь', "i"), entry('э', "e"), entry('ю', "yu"), entry('я', "ya"));
        String[][] folds = {{"kh", "h"}, {"ts", "c"}, {"zh", "j"}, {"ö", "o"}, {"ü", "u"}, {"ye", "e"}, {"yo", "o"},
                {"w", "v"}, {"x", "h"}, {"q", "k"}};
        String text = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String t = cyrillic.get(c);
            if (t != null) {
                latin.append(t);
            } else if ((c >= 'a' && c <= 'z') || c == 'ö' || c == 'ü') {
                latin.append(c);
            }
        }
        String key = latin.toString();
        for (String[] fold : folds) {
            key = key.replace(fold[0], fold[1]);
        }
        return key;
    }
}
