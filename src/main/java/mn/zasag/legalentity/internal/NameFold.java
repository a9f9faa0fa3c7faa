package mn.zasag.legalentity.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Folds an entity's name, in Cyrillic or in a common Latin spelling, to search keys, the way the civil
 * registry's {@code NameKey} folds persons' names (same transliteration and folds, kept in step by
 * {@code NameFoldTests}): «Монгол Шуудан», «МОНГОЛ ШУУДАН» and «Mongol Shuudan» all give the key
 * {@code mongolshuudan} and the words {@code mongol shuudan}. Quotes, dots and other marks are dropped.
 */
public final class NameFold {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            entry('а', "a"), entry('б', "b"), entry('в', "v"), entry('г', "g"), entry('д', "d"), entry('е', "ye"),
            entry('ё', "yo"), entry('ж', "j"), entry('з', "z"), entry('и', "i"), entry('й', "i"), entry('к', "k"),
            entry('л', "l"), entry('м', "m"), entry('н', "n"), entry('о', "o"), entry('ө', "o"), entry('п', "p"),
            entry('р', "r"), entry('с', "s"), entry('т', "t"), entry('у', "u"), entry('ү', "u"), entry('ф', "f"),
            entry('х', "kh"), entry('ц', "ts"), entry('ч', "ch"), entry('ш', "sh"), entry('щ', "sh"), entry('ъ', "i"),
            entry('ы', "y"), entry('ь', "i"), entry('э', "e"), entry('ю', "yu"), entry('я', "ya"));

    private static final List<String[]> FOLDS = List.of(
            new String[]{"kh", "h"}, new String[]{"ts", "c"}, new String[]{"zh", "j"}, new String[]{"ö", "o"},
            new String[]{"ü", "u"}, new String[]{"ye", "e"}, new String[]{"yo", "o"}, new String[]{"w", "v"},
            new String[]{"x", "h"}, new String[]{"q", "k"});

    private NameFold() {
    }

    /** The key of one word (or of a whole name, its words run together). */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String t = CYRILLIC.get(c);
            if (t != null) {
                latin.append(t);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == 'ö' || c == 'ü') {
                latin.append(c);
            }
        }
        String key = latin.toString();
        for (String[] fold : FOLDS) {
            key = key.replace(fold[0], fold[1]);
        }
        return key;
    }

    /** The keys of each word, each after a space ({@code " mongol shuudan"}), for word-start matching. */
    public static String words(String text) {
        StringBuilder words = new StringBuilder();
        for (String word : words(text, 20)) {
            words.append(' ').append(word);
        }
        return words.toString();
    }

    /** The keys of the words of a query (or name), ignoring empty ones. */
    public static List<String> words(String text, int max) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[\\s\\-]+")).map(NameFold::key).filter(k -> !k.isEmpty())
                .distinct().limit(max).toList();
    }
}
