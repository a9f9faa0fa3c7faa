package mn.zasag.catalog.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds Mongolian Cyrillic and Latin text to one Latin search key, so a query typed in either script finds a service
 * named in the other: «жолооч», «jolooch» and «zholooch» all fold to {@code jolooch}.
 *
 * <p>Cyrillic letters are first transliterated with the table of MNS 5217:2012 as Mongolians type it (ж → j, х → kh,
 * ц → ts, ө → ö, ү → ü, й and ы → i). The result, and Latin input, are then folded so the spellings people use for the
 * same sound meet: kh/h/x, ts/c, zh/j, w/v, y/i, ö/o, ü/u, and marks dropped. The fold loses information on purpose;
 * it is only ever compared with other folded keys (by trigram similarity, see {@code Catalogue}).
 */
public final class Transliteration {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "j"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('ө', "ö"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"),
            Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ү', "ü"), Map.entry('ф', "f"), Map.entry('х', "kh"),
            Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "sh"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private Transliteration() {
    }

    /** Cyrillic → Latin by the table above; other characters are kept (lower-cased). */
    public static String toLatin(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String latin = CYRILLIC.get(c);
            out.append(latin != null ? latin : String.valueOf(c));
        }
        return out.toString();
    }

    /** The search key of a text in either script: letters and digits folded, words separated by one space. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String latin = Normalizer.normalize(toLatin(text), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        latin = latin.replace("kh", "h").replace('x', 'h').replace("ts", "c").replace("zh", "j")
                .replace('w', 'v').replace('y', 'i');
        return latin.replaceAll("[^a-z0-9]+", " ").strip();
    }
}
