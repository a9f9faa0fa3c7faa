package mn.zasag.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line as strict UTF-8, so that a file in another encoding (Windows-1251, UTF-16, …)
 * is caught on the exact line where it stops being UTF-8 instead of turning into replacement characters.
 * Lines end with LF or CRLF; a UTF-8 byte order mark at the start is skipped. Counts the bytes consumed.
 */
public final class Utf8Lines {

    /** The line is not valid UTF-8. */
    public static final class NotUtf8 extends IOException {
        private final long line;

        NotUtf8(long line) {
            super("line " + line + " is not valid UTF-8");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private long bytes;
    private long number;

    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end. */
    public String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            // copy up to the end of the line or of the buffer at once
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            bytes += chunk;
            position = end;
            if (end < limit) {
                position++; // the line feed
                bytes++;
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (number == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            start = 3;
        }
        // the String constructor is the fast decoder, but it replaces what is not UTF-8 with U+FFFD: a line that
        // comes out with one (rare: it may also have been written as such) is decoded again strictly
        String text = new String(line, start, length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(number);
        }
    }

    /** The number of the line last returned (1-based). */
    public long lineNumber() {
        return number;
    }

    public long bytesRead() {
        return bytes;
    }
}
