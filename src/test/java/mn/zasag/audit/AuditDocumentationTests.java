package mn.zasag.audit;

import mn.zasag.audit.AuditEvent.Outcome;
import mn.zasag.audit.ChainVerification.Defect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts and the list of actions keep up with the code: both languages say the same things, the audit
 * page names no key that is missing, and every action the code records is in docs/AUDIT.md and has a
 * name people can read.
 */
class AuditDocumentationTests {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern ACTION = Pattern.compile("\"([a-z]+(?:\\.[a-z_]+)+)\"");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    private static final Pattern CODE = Pattern.compile("\"(audit_[a-z_]+)\"");

    @Test
    void theMongolianAndEnglishTextsHaveTheSameKeys() throws IOException {
        assertThat(bundle("mn").stringPropertyNames()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(bundle("en").stringPropertyNames());
    }

    @Test
    void everyTextTheAuditPageShowsExistsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> templates = Files.list(MAIN.resolve("resources/templates/audit"))) {
            for (Path template : templates.toList()) {
                Matcher m = KEY.matcher(Files.readString(template));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (Outcome outcome : Outcome.values()) {
            keys.add("audit.outcome." + outcome);
        }
        for (Defect defect : Defect.values()) {
            keys.add("audit.verify.defect." + defect);
        }
        assertThat(keys).contains("audit.heading");
        assertThat(bundle("mn").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void everyRefusalOfASearchHasAMessage() throws IOException {
        Set<String> codes = matches(CODE, Files.readString(MAIN.resolve("java/mn/zasag/audit/internal/AuditQueryRejected.java")));
        assertThat(codes).contains("audit_date_range_invalid", "audit_page_size_invalid");
        for (String code : codes) {
            assertThat(bundle("mn").getProperty("problem." + code)).as(code).isNotBlank();
            assertThat(bundle("en").getProperty("problem." + code)).as(code).isNotBlank();
        }
    }

    @Test
    void everyRecordedActionIsDocumentedAndNamed() throws IOException {
        Set<String> actions = recordedActions();
        assertThat(actions).contains("identity.login.failed", "identity.account.disabled", "audit.chain.verified");
        String documented = Files.readString(Path.of("docs/AUDIT.md"));
        for (String action : actions) {
            assertThat(documented).as("docs/AUDIT.md lists %s", action).contains("`" + action + "`");
            assertThat(bundle("mn").getProperty("audit.action." + action)).as(action).isNotBlank();
            assertThat(bundle("en").getProperty("audit.action." + action)).as(action).isNotBlank();
        }
    }

    /** The dotted names in every statement that records an audit event. */
    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(MAIN.resolve("java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                int at = code.indexOf(".record(");
                while (at >= 0) {
                    int end = code.indexOf(';', at);
                    actions.addAll(matches(ACTION, code.substring(at, end)));
                    at = code.indexOf(".record(", end);
                }
            }
        }
        return actions;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(MAIN.resolve("resources/i18n/audit_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
