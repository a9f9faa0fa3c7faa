package mn.zasag.registry.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict UTF-8 lines: what is UTF-8 comes back as written (U+FFFD too), what is not names its line. */
class Utf8LinesTests {

    private static List<String> lines(byte[] bytes) throws IOException {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes));
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        assertThat(lines.bytesRead()).isEqualTo(bytes.length);
        return all;
    }

    @Test
    void linesComeBackAsWrittenAcrossBuffersWithCrLfAByteOrderMarkAndAReplacementCharacterOfTheirOwn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // lines of 1 to about 3,000 bytes, so that some are longer than the first line buffer and many cross
            // the 64 KiB read buffer
            written.add("Бат-Эрдэнэ " + i + " " + "ө".repeat(i % 1500) + (i % 7 == 0 ? " \uFFFD" : ""));
        }
        for (int i = 0; i < written.size(); i++) {
            out.write(written.get(i).getBytes(StandardCharsets.UTF_8));
            out.write((i % 2 == 0 ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write("last without a line feed".getBytes(StandardCharsets.UTF_8));
        written.add("last without a line feed");

        assertThat(lines(out.toByteArray())).isEqualTo(written);
    }

    @Test
    void aLineThatIsNotUtf8NamesItsNumber() throws IOException {
        byte[] bytes = "ok\nБат\n".getBytes(StandardCharsets.UTF_8);
        byte[] windows1251 = "Дорж\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        byte[] all = new byte[bytes.length + windows1251.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(windows1251, 0, all, bytes.length, windows1251.length);

        assertThatThrownBy(() -> lines(all)).isInstanceOfSatisfying(Utf8Lines.NotUtf8.class,
                e -> assertThat(e.line()).isEqualTo(3));
        // a surrogate written as UTF-8 bytes (CESU-8) is not UTF-8 either
        assertThatThrownBy(() -> lines(new byte[] {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}))
                .isInstanceOfSatisfying(Utf8Lines.NotUtf8.class, e -> assertThat(e.line()).isEqualTo(2));
    }
}
