package mn.zasag.registry;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the CSV that {@link BulkCsv} reads: UTF-8, a header line, RFC 4180 quoting, null as an empty field. */
public final class CsvWriter implements Closeable {

    private final Writer out;
    private final int width;
    private final StringBuilder line = new StringBuilder(256);

    public CsvWriter(OutputStream stream, List<String> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.width = columns.size();
        out.write(String.join(",", columns));
        out.write('\n');
    }

    /** One row; {@code values} are written with {@link String#valueOf(Object)}, nulls as empty fields. */
    public void row(Object... values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException(values.length + " values for " + width + " columns");
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                String value = values[i].toString();
                if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                    line.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(value);
                }
            }
        }
        out.append(line.append('\n'));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
