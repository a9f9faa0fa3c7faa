package mn.zasag.registry;

import mn.zasag.registry.internal.Utf8Lines;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejects file of an import: {@code line,reason,row} for each rejected row, with the row's original text
 * read again from the input. Rows must be added in line order; the file is created on the first one, so an
 * import without rejects leaves none.
 */
final class RejectsFile implements AutoCloseable {

    private final Path csv;
    private final Path rejects;
    private InputStream in;
    private Utf8Lines lines;
    private Writer out;
    private long count;

    RejectsFile(Path csv, Path rejects) {
        this.csv = csv;
        this.rejects = rejects;
    }

    void add(long line, String reason) {
        try {
            if (out == null) {
                Files.deleteIfExists(rejects);
                in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
                lines = new Utf8Lines(in);
                out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(rejects), StandardCharsets.UTF_8));
                out.write("line,reason,row\n");
            }
            String raw = null;
            while (lines.lineNumber() < line) {
                raw = lines.next();
            }
            out.write(line + "," + reason + ",\"" + (raw == null ? "" : raw).replace("\"", "\"\"") + "\"\n");
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // the rows were written; a failing close shows when the file is read
        }
    }
}
