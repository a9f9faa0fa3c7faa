package mn.zasag.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical JSON text of a flat string map: keys sorted, fixed escaping. Hashes are computed over
 * this text, so it must never depend on a library's formatting choices.
 */
final class Json {

    private Json() {
    }

    static String write(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (var e : new TreeMap<>(map).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            quote(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
