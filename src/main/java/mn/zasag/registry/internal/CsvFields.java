package mn.zasag.registry.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, comma separated; a quoted field does not span lines). */
public final class CsvFields {

    private CsvFields() {
    }

    /** The fields, or null when the line is malformed (an unterminated quote, text after a closing quote). */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    return null;
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                String raw = line.substring(i, end);
                if (raw.indexOf('"') >= 0) {
                    return null;
                }
                field.append(raw);
                i = end;
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }
}
