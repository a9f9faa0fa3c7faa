package mn.zasag.exchange.internal;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier of an exported message log ({@link LogArchive}) or of an archive file ({@link LogArchiver}: the
 * same log in a zip with a sealed and time-stamped manifest, also checked): given the archive and the root
 * certificate, it checks that every certificate chains to the root, every record's hash and seals, the hash chain
 * from the first record to the last, and every batch's RFC 3161 time-stamp (its imprint is the chain hash it
 * covers, its signer chains to the root). It reports {@code INTACT} or the first bad record. Needs no database and
 * no network:
 * <pre>java -cp target/zasag.jar -Dloader.main=mn.zasag.exchange.internal.LogVerifier \
 *      org.springframework.boot.loader.launch.PropertiesLauncher log.jsonl root.pem</pre>
 * Exit status: 0 intact, 1 broken, 2 unusable input.
 */
public final class LogVerifier {

    /** The outcome: intact, or the first record (by chain sequence and archive line) that fails and why. */
    public record Result(boolean intact, long records, long batches, long unstamped, Long badSeq, int badLine, String reason) {

        @Override
        public String toString() {
            return intact ? "INTACT: " + records + " records, " + batches + " time-stamped batches"
                    + (unstamped > 0 ? ", " + unstamped + " records after the last time-stamp" : "")
                    : "BROKEN at " + (badSeq == null ? "" : "record seq=" + badSeq + " ") + "(line " + badLine + "): " + reason;
        }
    }

    private static final class Broken extends Exception {
        final Long seq;
        final int line;

        Broken(Long seq, int line, String reason) {
            super(reason);
            this.seq = seq;
            this.line = line;
        }
    }

    private LogVerifier() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length != 2) {
            out.println("usage: LogVerifier <archive.jsonl|archive.zip> <root.pem>");
            return 2;
        }
        Result result = verify(Files.readAllBytes(Path.of(args[0])), Files.readAllBytes(Path.of(args[1])));
        out.println(result);
        return result.intact() ? 0 : 1;
    }

    /** Verifies an exported log ({@code .jsonl}) or an archive file ({@code .zip} from {@link LogArchiver}). */
    public static Result verify(byte[] archive, byte[] rootPem) {
        X509Certificate root;
        try {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(rootPem));
            root.verify(root.getPublicKey());
        } catch (Exception e) {
            return new Result(false, 0, 0, 0, null, 0, "the root certificate is not a readable self-signed certificate");
        }
        if (archive.length > 4 && archive[0] == 'P' && archive[1] == 'K' && archive[2] == 3 && archive[3] == 4) {
            return verifyZip(archive, root);
        }
        return verifyLog(archive, root, new HashMap<>());
    }

    /**
     * An archive file: its {@code log.jsonl} as an export, then its manifest — the log's SHA-256 and record count, the
     * platform seal over the manifest (its certificate chaining to the root) and the manifest's RFC 3161 time-stamp.
     */
    private static Result verifyZip(byte[] zipBytes, X509Certificate root) {
        Map<String, byte[]> entries = new HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            return manifestBroken("the archive is not a readable zip file");
        }
        byte[] logBytes = entries.get("log.jsonl");
        byte[] manifestBytes = entries.get("manifest.json");
        if (logBytes == null || manifestBytes == null || !entries.containsKey("manifest.sig") || !entries.containsKey("manifest-seal.pem")
                || !entries.containsKey("manifest.tst")) {
            return manifestBroken("the archive lacks log.jsonl, manifest.json, manifest.sig, manifest-seal.pem or manifest.tst");
        }
        Map<String, X509Certificate> cas = new HashMap<>();
        Result log = verifyLog(logBytes, root, cas);
        if (!log.intact()) {
            return log;
        }
        try {
            JsonNode manifest = JsonMapper.builder().build().readTree(manifestBytes);
            if (!LogArchiver.FORMAT.equals(text(manifest, "format", 0, null))) {
                throw new Broken(null, 0, "manifest: not a " + LogArchiver.FORMAT + " archive");
            }
            if (!Arrays.equals(sha256(logBytes), b64(text(manifest, "logSha256", 0, null), 0, null))) {
                throw new Broken(null, 0, "manifest: log.jsonl is not the log the manifest names (its SHA-256 differs)");
            }
            if (manifest.get("records") == null || manifest.get("records").asLong() != log.records()) {
                throw new Broken(null, 0, "manifest: the record count differs from the log's");
            }
            X509Certificate seal = certificate(new String(entries.get("manifest-seal.pem"), StandardCharsets.US_ASCII), 0, null);
            chainsToRoot(seal, cas, root, 0, null);
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(new String(entries.get("manifest.sig"), StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new Broken(null, 0, "manifest: the seal is not base64");
            }
            if (!verifies(seal, manifestBytes, signature)) {
                throw new Broken(null, 0, "manifest: the platform seal does not verify");
            }
            timeStamp(entries.get("manifest.tst"), sha256(manifestBytes), cas, root, 0, 0);
        } catch (Broken b) {
            return new Result(false, log.records(), log.batches(), 0, null, b.line,
                    b.getMessage().startsWith("manifest") ? b.getMessage() : "manifest: " + b.getMessage());
        } catch (RuntimeException e) {
            return manifestBroken("manifest.json is not valid JSON");
        }
        return log;
    }

    private static Result manifestBroken(String reason) {
        return new Result(false, 0, 0, 0, null, 0, reason);
    }

    private static Result verifyLog(byte[] archive, X509Certificate root, Map<String, X509Certificate> cas) {
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = Arrays.asList(new String(archive, StandardCharsets.UTF_8).split("\n"));
        Map<String, X509Certificate> certificates = new HashMap<>();
        Map<Long, byte[]> chainHashes = new HashMap<>();
        long records = 0;
        long batches = 0;
        long stampedUpTo = 0;
        Long lastSeq = null;
        try {
            JsonNode header = parse(json, lines, 0, null);
            if (!LogArchive.FORMAT.equals(text(header, "format", 1, null))) {
                throw new Broken(null, 1, "not a " + LogArchive.FORMAT + " archive");
            }
            long expectedSeq = header.get("firstSeq").asLong();
            byte[] chain = b64(text(header, "previousChainHash", 1, null), 1, null);
            for (int i = 1; i < lines.size(); i++) {
                int lineNo = i + 1;
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode node = parse(json, lines, i, lastSeq == null ? expectedSeq : lastSeq + 1);
                String kind = text(node, "kind", lineNo, null);
                switch (kind) {
                    case "ca" -> {
                        X509Certificate ca = certificate(text(node, "pem", lineNo, null), lineNo, null);
                        cas.put(ca.getSubjectX500Principal().getName(), ca);
                    }
                    case "certificate" -> {
                        X509Certificate c = certificate(text(node, "pem", lineNo, null), lineNo, null);
                        chainsToRoot(c, cas, root, lineNo, null);
                        certificates.put(text(node, "serial", lineNo, null), c);
                    }
                    case "record" -> {
                        long seq = node.get("seq").asLong();
                        if (seq != expectedSeq) {
                            throw new Broken(seq, lineNo, "expected record seq=" + expectedSeq + " here (a record is missing or moved)");
                        }
                        byte[] bytes = text(node, "record", lineNo, seq).getBytes(StandardCharsets.UTF_8);
                        byte[] recordHash = sha256(bytes);
                        if (!Arrays.equals(recordHash, b64(text(node, "recordHash", lineNo, seq), lineNo, seq))) {
                            throw new Broken(seq, lineNo, "the record does not match its hash (its content was changed)");
                        }
                        chain = LogChainer.next(chain, recordHash);
                        if (!Arrays.equals(chain, b64(text(node, "chainHash", lineNo, seq), lineNo, seq))) {
                            throw new Broken(seq, lineNo, "the hash chain breaks here");
                        }
                        JsonNode seals = node.get("seals");
                        if (seals == null || seals.size() == 0) {
                            throw new Broken(seq, lineNo, "the record has no seal");
                        }
                        for (JsonNode seal : seals) {
                            X509Certificate c = certificates.get(text(seal, "certificate", lineNo, seq));
                            if (c == null) {
                                throw new Broken(seq, lineNo, "the seal's certificate is not in the archive");
                            }
                            if (!verifies(c, bytes, b64(text(seal, "signature", lineNo, seq), lineNo, seq))) {
                                throw new Broken(seq, lineNo, "the " + text(seal, "role", lineNo, seq) + " seal does not verify");
                            }
                        }
                        chainHashes.put(seq, chain);
                        lastSeq = seq;
                        expectedSeq++;
                        records++;
                    }
                    case "batch" -> {
                        long first = node.get("firstSeq").asLong();
                        long last = node.get("lastSeq").asLong();
                        byte[] covered = chainHashes.get(last);
                        if (covered == null || !Arrays.equals(covered, b64(text(node, "chainHash", lineNo, last), lineNo, last))) {
                            throw new Broken(last, lineNo, "the time-stamped batch " + first + "-" + last + " does not match the chain");
                        }
                        timeStamp(b64(text(node, "token", lineNo, last), lineNo, last), covered, cas, root, lineNo, last);
                        stampedUpTo = Math.max(stampedUpTo, last);
                        batches++;
                    }
                    default -> throw new Broken(null, lineNo, "unknown line kind " + kind);
                }
            }
        } catch (Broken b) {
            return new Result(false, records, batches, 0, b.seq, b.line, b.getMessage());
        }
        long unstamped = lastSeq == null ? 0 : lastSeq - Math.max(stampedUpTo, lastSeq - records);
        return new Result(true, records, batches, unstamped, null, 0, null);
    }

    private static void timeStamp(byte[] der, byte[] imprint, Map<String, X509Certificate> cas, X509Certificate root, int line, long seq)
            throws Broken {
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(der));
            if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
                throw new Broken(seq, line, "the time-stamp covers a different chain hash");
            }
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = token.getCertificates();
            Collection<X509CertificateHolder> signers = store.getMatches(token.getSID());
            if (signers.isEmpty()) {
                throw new Broken(seq, line, "the time-stamp carries no signer certificate");
            }
            X509Certificate tsa = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(signers.iterator().next().getEncoded()));
            chainsToRoot(tsa, cas, root, line, seq);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (Broken b) {
            throw b;
        } catch (Exception e) {
            throw new Broken(seq, line, "the time-stamp does not verify");
        }
    }

    private static void chainsToRoot(X509Certificate c, Map<String, X509Certificate> cas, X509Certificate root, int line, Long seq)
            throws Broken {
        X509Certificate current = c;
        for (int depth = 0; depth < 5; depth++) {
            String issuer = current.getIssuerX500Principal().getName();
            X509Certificate parent = issuer.equals(root.getSubjectX500Principal().getName()) ? root : cas.get(issuer);
            if (parent == null) {
                throw new Broken(seq, line, "a certificate does not chain to the root");
            }
            try {
                current.verify(parent.getPublicKey());
            } catch (Exception e) {
                throw new Broken(seq, line, "a certificate's signature does not verify");
            }
            if (parent == root) {
                return;
            }
            current = parent;
        }
        throw new Broken(seq, line, "a certificate does not chain to the root");
    }

    private static boolean verifies(X509Certificate c, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(c.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode parse(JsonMapper json, List<String> lines, int index, Long seq) throws Broken {
        try {
            return json.readTree(lines.get(index));
        } catch (RuntimeException e) {
            throw new Broken(seq, index + 1, "the line is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field, int line, Long seq) throws Broken {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new Broken(seq, line, "missing field " + field);
        }
        return v.asString();
    }

    private static byte[] b64(String s, int line, Long seq) throws Broken {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Broken(seq, line, "invalid base64");
        }
    }

    private static X509Certificate certificate(String pem, int line, Long seq) throws Broken {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new Broken(seq, line, "an unreadable certificate");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
