package mn.zasag.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools we did not write that check our PAdES seals — poppler's {@code pdfsig} and NSS's {@code certutil} —
 * run in a working directory with an NSS database ({@code sql:nss}) that trusts only our root. Shared by the PKI's,
 * the issued documents' and the browser journey's tests.
 */
public final class Pdfsig {

    /** What a tool printed (stdout and stderr) and its exit code. */
    public record Run(int exit, String out) {
    }

    private final Path dir;

    /** Creates the NSS database {@code sql:nss} in {@code dir}, trusting only {@code rootPem}. */
    public Pdfsig(Path dir, byte[] rootPem) throws Exception {
        this.dir = dir;
        Files.write(dir.resolve("root.pem"), rootPem);
        Files.createDirectories(dir.resolve("nss"));
        Run create = run("certutil", "-N", "-d", "sql:nss", "--empty-password");
        assertThat(create.exit()).as(create.out()).isZero();
        Run add = run("certutil", "-A", "-d", "sql:nss", "-n", "zasag-root", "-t", "CT,C,C", "-i", "root.pem");
        assertThat(add.exit()).as(add.out()).isZero();
    }

    /** Whether pdfsig and certutil are installed (Debian's poppler-utils and libnss3-tools). */
    public static boolean installed() {
        return runs("pdfsig", "-v") && runs("certutil", "-H");
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a tool in the working directory (file names are relative to it). */
    public Run run(String... args) throws Exception {
        Process process = new ProcessBuilder(List.of(args)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
    }

    /** pdfsig's check of a file against our root only (no OCSP: the responder is this test's platform). */
    public String check(String file) throws Exception {
        return run("pdfsig", "-nssdir", "sql:nss", "-no-ocsp", file).out();
    }

    /**
     * Poppler up to 22.x (Debian 12) reads NSS's error code after CERT_PKIXVerifyCert even when the check
     * succeeded, and NSS 3.87 leaves a stale SEC_ERROR_EXTENSION_NOT_FOUND behind on success, so pdfsig
     * prints "Unknown issue with Certificate" for chains NSS accepts. There we accept that line, and
     * {@link #assertNssTrustsTheSealIn} has NSS's certutil check the same chain; newer poppler must say Trusted.
     */
    public void assertTrusted(String pdfsigOut) throws Exception {
        if (popplerMajor() <= 22) {
            assertThat(pdfsigOut).containsAnyOf("Certificate is Trusted.", "Unknown issue with Certificate or corrupted data.");
        } else {
            assertThat(pdfsigOut).contains("Certificate is Trusted.");
        }
    }

    /** NSS's certutil validates the seal's certificate for signing, with the intermediate taken from the signature. */
    public void assertNssTrustsTheSealIn(String file) throws Exception {
        Run dump = run("pdfsig", "-dump", file);
        assertThat(dump.exit()).as(dump.out()).isZero();
        byte[] cms = Files.readAllBytes(dir.resolve(file + ".sig0"));
        for (Object o : new org.bouncycastle.cms.CMSSignedData(cms).getCertificates().getMatches(null)) {
            var holder = (org.bouncycastle.cert.X509CertificateHolder) o;
            String cn = holder.getSubject().toString();
            if (cn.contains("Root")) {
                continue;
            }
            String nick = cn.contains("Seal") ? "seal" : "intermediate";
            Files.write(dir.resolve(nick + ".der"), holder.getEncoded());
            Run add = run("certutil", "-A", "-d", "sql:nss", "-n", nick, "-t", ",,", "-i", nick + ".der");
            assertThat(add.exit()).as(add.out()).isZero();
        }
        Run verify = run("certutil", "-V", "-u", "S", "-d", "sql:nss", "-n", "seal");
        assertThat(verify.out()).contains("certificate is valid");
    }

    private int popplerMajor() throws Exception {
        Matcher matcher = Pattern.compile("pdfsig version (\\d+)\\.").matcher(run("pdfsig", "-v").out());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
