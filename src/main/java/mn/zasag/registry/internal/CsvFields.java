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
            String value;
            if (i < n && line.charAt(i) == '"') {
                field.setLength(0);
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
                value = field.toString();
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value = line.substring(i, end);
                if (value.indexOf('"') >= 0) {
                    return null;
                }
                i = end;
            }
            fields.add(value);
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
