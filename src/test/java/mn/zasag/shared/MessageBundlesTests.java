package mn.zasag.shared;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mongolian and English say the same things, and every text a person reads comes from a bundle. */
class MessageBundlesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyMongolianBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> mongolian;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            mongolian = files.filter(p -> p.getFileName().toString().endsWith("_mn.properties")).toList();
        }
        assertThat(mongolian).hasSizeGreaterThanOrEqualTo(3);
        for (Path mn : mongolian) {
            Path en = mn.resolveSibling(mn.getFileName().toString().replace("_mn.properties", "_en.properties"));
            assertThat(en).as("English twin of " + mn).exists();
            Set<String> mnKeys = keys(mn);
            Set<String> enKeys = keys(en);
            assertThat(enKeys).as("keys of " + en + " compared to " + mn).containsExactlyInAnyOrderElementsOf(mnKeys);
            for (String key : mnKeys) {
                assertThat(load(mn).getProperty(key)).as(mn + " " + key).isNotBlank();
                assertThat(load(en).getProperty(key)).as(en + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void mongolianTextsAreWrittenInCyrillic() throws IOException {
        Properties mn = load(RESOURCES.resolve("messages_mn.properties"));
        assertThat(mn.getProperty("home.heading")).matches(".*\\p{IsCyrillic}.*");
        assertThat(mn.getProperty("error.404.title")).matches(".*\\p{IsCyrillic}.*");
    }

    @Test
    void templatesHoldNoLiteralUserVisibleText() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : doc.getAllElements()) {
                if (replacedByThymeleaf(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank() && !insideReplaced(element)) {
                        offenders.add(template.getFileName() + ": \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                for (String attribute : List.of("title", "alt", "aria-label", "placeholder")) {
                    if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
                        offenders.add(template.getFileName() + ": literal " + attribute + " on <" + element.tagName() + ">");
                    }
                }
            }
        }
        assertThat(offenders).as("literal text in templates; use th:text=\"#{key}\"").isEmpty();
    }

    /** Elements whose body Thymeleaf replaces: their placeholder text never reaches a reader. */
    private static boolean replacedByThymeleaf(Element e) {
        return e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
                || e.hasAttr("th:errors") || e.hasAttr("th:remove") || e.tagName().equals("script") || e.tagName().equals("style");
    }

    private static boolean insideReplaced(Element e) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            if (replacedByThymeleaf(parent)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        load(file).stringPropertyNames().forEach(keys::add);
        return keys;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
