package mn.zasag.registry.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static java.util.Map.entry;

/**
 * Folds a name, in Cyrillic or in any of the common Latin spellings, to one search key, so that
 * «Бат-Эрдэнэ», «бат-эрдэнэ», «Bat-Erdene» and «Baterdene» all become {@code baterdene}, and «Цэцэг»,
 * «Tsetseg» and «Cecег» meet too. Cyrillic is transliterated, then the spellings that people write
 * differently are made the same (kh/h, ts/c, zh/j, ö/o, ü/u), and everything but letters is dropped.
 */
public final class NameKey {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            entry('а', "a"), entry('б', "b"), entry('в', "v"), entry('г', "g"), entry('д', "d"), entry('е', "ye"),
            entry('ё', "yo"), entry('ж', "j"), entry('з', "z"), entry('и', "i"), entry('й', "i"), entry('к', "k"),
            entry('л', "l"), entry('м', "m"), entry('н', "n"), entry('о', "o"), entry('ө', "o"), entry('п', "p"),
            entry('р', "r"), entry('с', "s"), entry('т', "t"), entry('у', "u"), entry('ү', "u"), entry('ф', "f"),
            entry('х', "kh"), entry('ц', "ts"), entry('ч', "ch"), entry('ш', "sh"), entry('щ', "sh"), entry('ъ', "i"),
            entry('ы', "y"), entry('ь', "i"), entry('э', "e"), entry('ю', "yu"), entry('я', "ya"));

    /** Applied in order to the Latin text: the variants people write for the same sound. */
    private static final List<String[]> FOLDS = List.of(
            new String[]{"kh", "h"}, new String[]{"ts", "c"}, new String[]{"zh", "j"}, new String[]{"ö", "o"},
            new String[]{"ü", "u"}, new String[]{"ye", "e"}, new String[]{"yo", "o"}, new String[]{"w", "v"},
            new String[]{"x", "h"}, new String[]{"q", "k"});

    private NameKey() {
    }

    /** {@link #CYRILLIC} as an array over U+0400..U+04FF, for the bulk import's millions of names. */
    private static final String[] CYRILLIC_BY_CODE = new String[0x100];

    static {
        CYRILLIC.forEach((c, latin) -> CYRILLIC_BY_CODE[c - 0x400] = latin);
    }

    /** The key of one name (hyphens and spaces inside it are dropped). */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(text.length() + 8);
        // which of a-z, ö (bit 26) and ü (bit 27) the Latin text holds: a fold whose first letter is not there
        // has nothing to replace. No fold writes a letter another fold starts with, except q → k, the last, whose
        // k only kh (the first) starts with; so the letters before folding decide for every fold.
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String t = c >= 0x400 && c < 0x500 ? CYRILLIC_BY_CODE[c - 0x400] : null;
            if (t != null) {
                latin.append(t);
                for (int j = 0; j < t.length(); j++) {
                    letters |= bit(t.charAt(j));
                }
            } else if ((c >= 'a' && c <= 'z') || c == 'ö' || c == 'ü') {
                latin.append(c);
                letters |= bit(c);
            }
        }
        String key = latin.toString();
        for (String[] fold : FOLDS) {
            if ((letters & bit(fold[0].charAt(0))) != 0) {
                key = key.replace(fold[0], fold[1]);
            }
        }
        return key;
    }

    private static int bit(char c) {
        return c == 'ö' ? 1 << 26 : c == 'ü' ? 1 << 27 : 1 << (c - 'a');
    }

    /** The keys of each word of a search query, ignoring empty ones. */
    public static List<String> ofQuery(String query) {
        return Arrays.stream(query.strip().split("\\s+")).map(NameKey::of).filter(k -> !k.isEmpty()).distinct().limit(4).toList();
    }
}
