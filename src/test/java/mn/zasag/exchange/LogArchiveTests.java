package mn.zasag.exchange;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.internal.LogArchive;
import mn.zasag.exchange.internal.LogArchiver;
import mn.zasag.exchange.internal.LogChainer;
import mn.zasag.exchange.internal.LogVerifier;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.Role;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Archiving a closed month of the message log: the archive is written, verified offline and only then are the month's
 * records dropped. Records are made today and moved into January and March 2001 (the seals cover the record, not
 * the column), so the months are closed and older than any other test's records.
 */
@ZasagTest
class LogArchiveTests {

    @Autowired
    MockMvc mvc;
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
    LogArchiver archiver;
    @Autowired
    CertificateAuthorities authorities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedMonthIsArchivedVerifiedAndDroppedButOnlyWhenItsArchiveVerifies(@TempDir Path dir) throws Exception {
        ExchangeFixtures.Party provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        ExchangeFixtures.Party client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        String service = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        directory.grant(service, null, client.subsystemId(), null);
        String rn = ExchangeFixtures.person(agencies, registry);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Exchange.Response r = exchange.call("test", client.subsystemId(), service, Exchange.Request.get("/" + rn, "Архивын шалгалт " + i));
            assertThat(r.ok()).isTrue();
            ids.add(r.headers().get("X-Road-Id"));
        }
        chainer.chainPending();
        jdbc.sql("create table if not exists exchange.message_log_2001_01 partition of exchange.message_log "
                + "for values from ('2001-01-01 00:00:00+00') to ('2001-02-01 00:00:00+00')").update();
        for (int i = 0; i < 3; i++) {
            move(ids.get(i), "2001-01-1" + i + " 10:00:00+00");
        }
        move(ids.get(3), "2001-03-05 10:00:00+00"); // no partition for March 2001: the row lands in the default partition

        // bad periods
        assertThat(refusal(() -> archiver.archive("2001-13"))).isEqualTo("exchange_log_period_invalid");
        assertThat(refusal(() -> archiver.archive(YearMonth.now(ZoneOffset.UTC).toString()))).isEqualTo("exchange_log_period_open");
        assertThat(refusal(() -> archiver.archive("2000-12"))).isEqualTo("exchange_log_period_empty");
        assertThat(refusal(() -> archiver.archive("2001-03"))).isEqualTo("exchange_log_older_first");

        // a record changed in the database: the archive does not verify and nothing is removed
        String original = jdbc.sql("select record from exchange.message_log where message_id = :id").param("id", ids.get(1))
                .query(String.class).single();
        setRecord(ids.get(1), original.replace("Архивын шалгалт 1", "Архивын шалгалт 7"));
        assertThat(refusal(() -> archiver.archive("2001-01"))).isEqualTo("exchange_log_archive_broken");
        assertThat(rows("2001-01-01", "2001-02-01")).isEqualTo(3);
        assertThat(jdbc.sql("select to_regclass('exchange.message_log_2001_01') is not null").query(Boolean.class).single()).isTrue();
        setRecord(ids.get(1), original);

        LogArchiver.Archived archived = archiver.archive("2001-01");
        assertThat(archived.records()).isGreaterThanOrEqualTo(3);
        assertThat(rows("2001-01-01", "2001-02-01")).isZero();
        assertThat(jdbc.sql("select to_regclass('exchange.message_log_2001_01') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select details ->> 'sha256' from audit.entry where action = 'exchange.log.archived' and object_id = '2001-01'")
                .query(String.class).single()).isEqualTo(archived.sha256());
        assertThat(refusal(() -> archiver.archive("2001-01"))).isEqualTo("exchange_log_period_archived");
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        mvc.perform(get("/admin/exchange").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("exchange-log-2001-01.zip")))
                .andExpect(content().string(containsString(archived.sha256())));
        mvc.perform(post("/admin/exchange/log/archive").cookie(admin).with(csrf()).param("period", "2001-01"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "problem.exchange_log_period_archived"));

        // the file verifies offline, also from the command line; one changed byte, or a changed manifest, does not
        byte[] zip = Files.readAllBytes(Path.of(archived.file()));
        byte[] root = authorities.get("root").pem().getBytes(StandardCharsets.US_ASCII);
        LogVerifier.Result intact = LogVerifier.verify(zip, root);
        assertThat(intact.intact()).as(intact.toString()).isTrue();
        assertThat(intact.records()).isEqualTo(archived.records());
        Path rootFile = Files.write(dir.resolve("root.pem"), root);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertThat(run(Path.of(archived.file()), rootFile, console)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("INTACT");

        byte[] changedLog = rewrite(zip, "log.jsonl", log -> log.replace("Архивын шалгалт 2", "Архивын шалгалт 9"));
        LogVerifier.Result broken = LogVerifier.verify(changedLog, root);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.badSeq()).isNotNull();
        byte[] changedManifest = rewrite(zip, "manifest.json", m -> m.replaceFirst("\"records\":\\d+", "\"records\":1"));
        LogVerifier.Result badManifest = LogVerifier.verify(changedManifest, root);
        assertThat(badManifest.intact()).isFalse();
        assertThat(badManifest.reason()).startsWith("manifest");

        // the log after the archive still exports and verifies, starting from the archive's last chain hash
        assertThat(exchange.call("test", client.subsystemId(), service, Exchange.Request.get("/" + rn, "Дараа нь")).ok()).isTrue();
        chainer.chainPending();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        archive.export(1, archive.head(), after);
        LogVerifier.Result rest = LogVerifier.verify(after.toByteArray(), root);
        assertThat(rest.intact()).as(rest.toString()).isTrue();
        assertThat(rest.records()).isPositive();

        // the daily job archives what is past the retention period: March 2001, from the default partition
        List<LogArchiver.Archived> expired = archiver.archiveExpired();
        assertThat(expired).extracting(LogArchiver.Archived::period).containsExactly("2001-03");
        assertThat(rows("2001-03-01", "2001-04-01")).isZero();
        assertThat(LogVerifier.verify(Files.readAllBytes(Path.of(expired.get(0).file())), root).intact()).isTrue();
    }

    @Test
    void platformAdminsArchiveOverTheApiAndOthersMayNot() throws Exception {
        String login = Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null);
        long id = jdbc.sql("select id from identity.account where login = :l").param("l", login).query(Long.class).single();
        String token = "zsg_test_xarchive_" + id;
        tokens.grant(id, token);
        mvc.perform(post("/api/v1/exchange/log/archives").param("period", YearMonth.now(ZoneOffset.UTC).toString())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("exchange_log_period_open"));
        mvc.perform(post("/api/v1/exchange/log/archives").param("period", "last-year").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("exchange_log_period_invalid"));
        mvc.perform(get("/api/v1/exchange/log/archives").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        ExchangeFixtures.Party party = ExchangeFixtures.party(agencies, accounts, tokens, directory, "portal");
        mvc.perform(post("/api/v1/exchange/log/archives").param("period", "2001-01").header("Authorization", "Bearer " + party.token()))
                .andExpect(status().isForbidden());
    }

    private void move(String messageId, String at) {
        jdbc.sql("update exchange.message_log set logged_at = '" + at + "'::timestamptz where message_id = :id").param("id", messageId).update();
    }

    private void setRecord(String messageId, String record) {
        jdbc.sql("update exchange.message_log set record = :r where message_id = :id").param("r", record).param("id", messageId).update();
    }

    private long rows(String from, String to) {
        return jdbc.sql("select count(*) from exchange.message_log where logged_at >= '" + from + "'::timestamptz and logged_at < '"
                + to + "'::timestamptz").query(Long.class).single();
    }

    private static String refusal(Runnable change) {
        try {
            change.run();
        } catch (DirectoryRefused e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<String> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] before = entries.get(name);
        byte[] after = change.apply(new String(before, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(after).isNotEqualTo(before);
        entries.put(name, after);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static int run(Path archive, Path root, ByteArrayOutputStream console) throws Exception {
        var method = LogVerifier.class.getDeclaredMethod("run", String[].class, PrintStream.class);
        method.setAccessible(true);
        return (int) method.invoke(null, new String[]{archive.toString(), root.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8));
    }
}
