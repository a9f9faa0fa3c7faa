package mn.zasag.exchange.internal;

import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.DataSealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Exports a stretch of the chained message log as a self-contained archive that {@link LogVerifier} checks offline:
 * JSON lines — a header (the chain hash before the first record), the CA certificates and every seal certificate,
 * the records in chain order (the exact sealed JSON, its hash, chain hash and seals) and the TSA batches with their
 * RFC 3161 tokens. Only the root certificate comes from elsewhere, so the archive proves nothing by itself.
 */
@Component
public class LogArchive {

    public static final String FORMAT = "zasag-exchange-log/1";

    private final JdbcClient jdbc;
    private final DataSealing sealing;
    private final CertificateAuthorities authorities;
    private final JsonMapper json;
    private final Clock clock;

    LogArchive(JdbcClient jdbc, DataSealing sealing, CertificateAuthorities authorities, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.authorities = authorities;
        this.json = json;
        this.clock = clock;
    }

    /** The range of chained records, {@code [1, head]} when not given. */
    public long head() {
        return jdbc.sql("select seq from exchange.chain_head where id = 1").query(Long.class).single();
    }

    /** The last chain sequence number whose record was archived to a file and may be gone from the database (0 if none). */
    public long archivedUpTo() {
        return jdbc.sql("select coalesce(max(last_seq), 0) from exchange.log_archive").query(Long.class).single();
    }

    /**
     * Writes records {@code fromSeq..toSeq} of the chain; a range that starts in archived (dropped) records starts
     * after them, as those are in their archive files.
     */
    public void export(long fromSeq, long toSeq, OutputStream out) {
        long from = Math.max(Math.max(1, fromSeq), archivedUpTo() + 1);
        long to = Math.min(toSeq, head());
        byte[] previous = from == 1 ? new byte[32] : previousChainHash(from);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("exportedAt", Instant.now(clock).toString());
        header.put("firstSeq", from);
        header.put("lastSeq", to);
        header.put("previousChainHash", b64(previous));
        line(out, header);
        for (CertificateAuthorities.CaCertificate ca : authorities.all()) {
            line(out, Map.of("kind", "ca", "code", ca.code(), "pem", ca.pem()));
        }
        Set<String> serials = new LinkedHashSet<>();
        jdbc.sql("select seals from exchange.message_log where chain_seq between :f and :t").param("f", from).param("t", to)
                .query(String.class).list().forEach(s -> json.readTree(s).forEach(seal -> serials.add(seal.get("certificate").asString())));
        for (String serial : serials) {
            line(out, Map.of("kind", "certificate", "serial", serial, "pem", sealing.certificatePem(serial)));
        }
        jdbc.sql("select chain_seq, record, record_hash, chain_hash, seals from exchange.message_log where chain_seq between :f and :t order by chain_seq")
                .param("f", from).param("t", to).query(rs -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("kind", "record");
                    r.put("seq", rs.getLong(1));
                    r.put("record", rs.getString(2));
                    r.put("recordHash", b64(rs.getBytes(3)));
                    r.put("chainHash", b64(rs.getBytes(4)));
                    r.put("seals", json.readTree(rs.getString(5)));
                    line(out, r);
                });
        jdbc.sql("select first_seq, last_seq, chain_hash, token from exchange.log_batch where first_seq >= :f and last_seq <= :t order by first_seq")
                .param("f", from).param("t", to).query(rs -> {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("kind", "batch");
                    b.put("firstSeq", rs.getLong(1));
                    b.put("lastSeq", rs.getLong(2));
                    b.put("chainHash", b64(rs.getBytes(3)));
                    b.put("token", b64(rs.getBytes(4)));
                    line(out, b);
                });
    }

    /** The chain hash before record {@code seq}: from the record before it, or from the archive that ended there. */
    byte[] previousChainHash(long seq) {
        return jdbc.sql("select chain_hash from exchange.message_log where chain_seq = :s").param("s", seq - 1).query(byte[].class).optional()
                .or(() -> jdbc.sql("select last_chain_hash from exchange.log_archive where last_seq = :s").param("s", seq - 1)
                        .query(byte[].class).optional())
                .orElseThrow(() -> new IllegalStateException("the chain hash before record " + seq + " is neither in the log nor in an archive"));
    }

    private void line(OutputStream out, Object value) {
        try {
            out.write(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

}
