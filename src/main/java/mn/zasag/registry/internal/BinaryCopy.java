package mn.zasag.registry.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Writes rows in PostgreSQL's binary {@code COPY} format ({@code copy … from stdin with (format binary)}):
 * each value is sent as the server stores it (a date as a day number, a timestamp as microseconds), so the
 * server neither splits lines nor parses dates and times, the larger part of its work on a text {@code COPY}.
 * Text values are sent as UTF-8, which the server still checks. Call {@link #row(int)}, then exactly that many
 * values, for every row; {@link #close()} ends the data (and closes the stream, which ends the {@code COPY}).
 */
public final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final byte JSONB_VERSION = 1;

    private final DataOutputStream out;

    public BinaryCopy(OutputStream copy) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
        out.write(SIGNATURE);
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // no header extension
    }

    /** Starts a row of {@code columns} values. */
    public BinaryCopy row(int columns) throws IOException {
        out.writeShort(columns);
        return this;
    }

    public BinaryCopy text(String value) throws IOException {
        if (value == null) {
            return nul();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        return this;
    }

    public BinaryCopy date(LocalDate value) throws IOException {
        if (value == null) {
            return nul();
        }
        out.writeInt(4);
        out.writeInt(Math.toIntExact(value.toEpochDay() - EPOCH_DAY));
        return this;
    }

    /** A {@code timestamptz}, to the microsecond. */
    public BinaryCopy timestamp(Instant value) throws IOException {
        if (value == null) {
            return nul();
        }
        out.writeInt(8);
        out.writeLong(ChronoUnit.MICROS.between(EPOCH, value));
        return this;
    }

    /** A {@code jsonb} value from its JSON text (the server parses it). */
    public BinaryCopy jsonb(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length + 1);
        out.writeByte(JSONB_VERSION);
        out.write(bytes);
        return this;
    }

    public BinaryCopy nul() throws IOException {
        out.writeInt(-1);
        return this;
    }

    /** Ends the data and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
