package mn.zasag.notifications.internal;

import mn.zasag.notifications.PlaceholderMissing;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's text with named placeholders written {@code {name}}: a letter, then letters, digits or
 * underscores, in braces. Any other brace is literal text. Values are inserted as they are (emails are
 * plain text, so nothing needs escaping).
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]{0,63})}");

    private TemplateText() {
    }

    /** The placeholder names a text uses, in order of first use. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced; a placeholder without a value is refused. */
    public static String render(String kind, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new PlaceholderMissing(kind, m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
