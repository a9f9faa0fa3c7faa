package mn.zasag.exchange;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.internal.LogArchive;
import mn.zasag.exchange.internal.LogChainer;
import mn.zasag.exchange.internal.LogVerifier;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ZasagTest
class MessageLogTests {

    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Directory directory;
    @Autowired
    CivilRegistry registry;
    @Autowired
    Exchange exchange;
    @Autowired
    LogChainer chainer;
    @Autowired
    LogArchive archive;
    @Autowired
    CertificateAuthorities authorities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMessageIsSealedChainedTimeStampedAndVerifiableOfflineUntilOneByteChanges(@TempDir Path dir) throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        String service = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        directory.grant(service, null, client.subsystemId(), null);
        List<String> ids = new ArrayList<>();
        String rn = ExchangeFixtures.person(agencies, registry);
        for (int i = 0; i < 3; i++) {
            Exchange.Response r = exchange.call("test", client.subsystemId(), service, Exchange.Request.get("/" + rn, "Шалгалт " + i));
            assertThat(r.ok()).isTrue();
            ids.add(r.headers().get("X-Road-Id"));
        }
        chainer.chainPending();

        long first = jdbc.sql("select min(chain_seq) from exchange.message_log where message_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from exchange.message_log where message_id in (:ids) and batch_id is not null and seals like '%provider%client%'")
                .param("ids", ids).query(Long.class).single()).isEqualTo(3);
        String partition = jdbc.sql("select tableoid::regclass::text from exchange.message_log where message_id = :id")
                .param("id", ids.get(0)).query(String.class).single();
        assertThat(partition).matches("exchange\\.message_log_\\d{4}_\\d{2}");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.export(first, archive.head(), out);
        byte[] root = authorities.get("root").pem().getBytes(StandardCharsets.US_ASCII);
        LogVerifier.Result intact = LogVerifier.verify(out.toByteArray(), root);
        assertThat(intact.intact()).as(intact.toString()).isTrue();
        assertThat(intact.records()).isGreaterThanOrEqualTo(3);
        assertThat(intact.batches()).isGreaterThanOrEqualTo(1);

        // one byte of the second record changed: the register number's last digit
        String text = out.toString(StandardCharsets.UTF_8);
        String secondId = ids.get(1);
        int line = text.indexOf(secondId);
        int at = text.indexOf("Шалгалт 1", line);
        assertThat(at).isPositive();
        byte[] bytes = out.toByteArray();
        int byteAt = text.substring(0, at + "Шалгалт ".length()).getBytes(StandardCharsets.UTF_8).length;
        bytes[byteAt] = (byte) '9';
        LogVerifier.Result broken = LogVerifier.verify(bytes, root);
        assertThat(broken.intact()).isFalse();
        long secondSeq = jdbc.sql("select chain_seq from exchange.message_log where message_id = :id").param("id", secondId)
                .query(Long.class).single();
        assertThat(broken.badSeq()).isEqualTo(secondSeq);

        // the same through the command line
        Path good = Files.write(dir.resolve("log.jsonl"), out.toByteArray());
        Path bad = Files.write(dir.resolve("bad.jsonl"), bytes);
        Path rootFile = Files.write(dir.resolve("root.pem"), root);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertThat(run(good, rootFile, console)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("INTACT");
        console.reset();
        assertThat(run(bad, rootFile, console)).isEqualTo(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("BROKEN at record seq=" + secondSeq);
    }

    private static int run(Path archive, Path root, ByteArrayOutputStream console) throws Exception {
        var method = LogVerifier.class.getDeclaredMethod("run", String[].class, PrintStream.class);
        method.setAccessible(true);
        return (int) method.invoke(null, new String[]{archive.toString(), root.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8));
    }
}
