package mn.zasag.applications;

import mn.zasag.ZasagTest;
import mn.zasag.shared.RegisterNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 29 online services' form files keep to docs/FORMS.md: both languages everywhere, known question types,
 * unique ids, examples that are valid answers, skip logic and pre-fill pointing at real questions and exchange
 * services, and a decision naming an approval action that exists. (The form engine checks the shape again when
 * it loads them; this test also holds the services' own conventions.)
 */
@ZasagTest
class ServiceFormFilesTests {

    static final Path FORMS = Path.of("src/main/resources/forms");
    static final Set<String> OTHERS = Set.of("si-basic-pension", "sw-sanatorium-refund");
    static final Set<String> TYPES = Set.of("text", "textarea", "number", "date", "choice", "choices", "yes-no",
            "register-number", "phone", "email", "plate", "division", "file");
    static final Set<String> PROVIDERS = Set.of("civil-registry.person", "civil-registry.address",
            "civil-registry.marital-status", "civil-registry.id-card-status", "property.by-owner", "vehicles.by-owner",
            "tax.debt-status", "social-insurance.contributions", "customs.debt-status", "driving-licences.by-holder");

    @Autowired
    List<ApprovalAction> actions;

    @Autowired
    mn.zasag.catalog.Services services;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyOnlineServiceOfTheCatalogueHasItsFormFile() throws IOException {
        Map<String, String> catalogue = catalogue();
        assertThat(catalogue).hasSizeGreaterThanOrEqualTo(31);
        for (var e : catalogue.entrySet()) {
            if (!OTHERS.contains(e.getValue())) {
                assertThat(FORMS.resolve(e.getValue() + ".json")).as(e.getKey()).exists();
            }
        }
    }

    @Test
    void everyFormKeepsTheContract() throws IOException {
        Map<String, String> catalogue = catalogue();
        Set<String> actionNames = new HashSet<>();
        actions.forEach(a -> actionNames.add(a.name()));
        List<Path> files = forms();
        assertThat(files).hasSize(29);
        for (Path file : files) {
            JsonNode form = json.readTree(Files.readString(file));
            String id = file.getFileName().toString().replace(".json", "");
            String where = id;
            assertThat(form.get("id").asString()).as(where).isEqualTo(id).matches("^[a-z0-9-]+$");
            assertThat(catalogue.get(form.get("service").asString())).as(where + " service").isEqualTo(id);
            assertThat(form.get("version").asInt()).as(where).isPositive();
            texts(form.get("title"), where + " title");
            Map<String, JsonNode> questions = new HashMap<>();
            List<String> order = new ArrayList<>();
            Set<String> pageIds = new HashSet<>();
            assertThat(form.get("sections").size()).as(where).isPositive();
            for (JsonNode section : form.get("sections")) {
                texts(section.get("title"), where + " section");
                for (JsonNode page : section.get("pages")) {
                    String at = where + "/" + page.get("id").asString();
                    assertThat(pageIds.add(page.get("id").asString())).as(at + " is the only page with its id").isTrue();
                    assertThat(page.get("id").asString()).as(at).matches("[a-z0-9]+(-[a-z0-9]+)*");
                    texts(page.get("title"), at);
                    JsonNode when = page.get("when");
                    if (when != null && !when.isNull()) {
                        String asked = when.get("question").asString();
                        assertThat(order).as(at + " when refers to an earlier question").contains(asked);
                        Set<String> values = values(questions.get(asked));
                        for (String key : List.of("equals", "notEquals")) {
                            if (when.has(key)) {
                                assertThat(values).as(at).contains(when.get(key).asString());
                            }
                        }
                        if (when.has("in")) {
                            when.get("in").forEach(v -> assertThat(values).as(at).contains(v.asString()));
                        }
                    }
                    assertThat(page.get("questions").size()).as(at).isPositive();
                    for (JsonNode q : page.get("questions")) {
                        question(q, at, questions, order);
                    }
                }
            }
            for (JsonNode p : form.get("prefill")) {
                assertThat(questions).as(where + " prefill").containsKey(p.get("question").asString());
                String from = p.get("from").asString();
                assertThat(from).as(where).contains("#/");
                assertThat(PROVIDERS).as(where).contains(from.substring(0, from.indexOf('#')));
            }
            for (JsonNode q : questions.values()) {
                if (q.has("optionsFrom")) {
                    String from = q.get("optionsFrom").asString();
                    assertThat(PROVIDERS).as(where).contains(from.substring(0, from.indexOf('#')));
                    assertThat(from).as(where).contains("/*/");
                }
            }
            JsonNode decision = form.get("decision");
            String mode = decision.get("mode").asString();
            assertThat(mode).as(where).isIn("officer", "automatic");
            JsonNode action = decision.get("action");
            if (action != null && !action.isNull()) {
                assertThat(actionNames).as(where + " action").contains(action.asString());
            } else {
                assertThat(mode).as(where + ": an automatic decision runs an action").isEqualTo("officer");
            }
            Map<String, JsonNode> fields = new HashMap<>();
            List<String> fieldOrder = new ArrayList<>();
            for (JsonNode f : decision.get("fields")) {
                question(f, where + " decision", fields, fieldOrder);
            }
            if ("automatic".equals(mode)) {
                assertThat(fields).as(where).isEmpty();
            }
            JsonNode document = decision.get("document");
            assertThat(document).as(where + ": every service issues a document").isNotNull();
            assertThat(document.get("type").asString()).as(where).matches("^[a-z]+\\.[a-z-]+$");
            texts(document.get("title"), where + " document");
            document.get("answers").forEach(a -> assertThat(questions).as(where + " document").containsKey(a.asString()));
        }
    }

    private void question(JsonNode q, String at, Map<String, JsonNode> questions, List<String> order) {
        String id = q.get("id").asString();
        String where = at + "#" + id;
        assertThat(id).as(where).matches("^[a-zA-Z][a-zA-Z0-9]*$");
        assertThat(questions).as(where + " is unique").doesNotContainKey(id);
        questions.put(id, q);
        order.add(id);
        String type = q.get("type").asString();
        assertThat(TYPES).as(where).contains(type);
        texts(q.get("label"), where);
        if (q.has("hint")) {
            texts(q.get("hint"), where);
        }
        if (q.has("patternMessage")) {
            texts(q.get("patternMessage"), where);
        }
        assertThat(q.has("required")).as(where).isTrue();
        if (type.equals("choice") || type.equals("choices")) {
            assertThat(q.has("options") || q.has("optionsFrom")).as(where).isTrue();
            if (q.has("options")) {
                q.get("options").forEach(o -> texts(o.get("label"), where));
            }
        }
        if (type.equals("file")) {
            assertThat(q.get("accept").size()).as(where).isPositive();
            return;
        }
        if (q.get("required").asBoolean() || q.has("example")) {
            assertThat(q.has("example")).as(where + " has an example answer").isTrue();
        }
        if (!q.has("example")) {
            return;
        }
        String example = q.get("example").asString();
        switch (type) {
            case "choice" -> {
                if (q.has("options")) {
                    assertThat(values(q)).as(where).contains(example);
                }
            }
            case "number" -> {
                long n = Long.parseLong(example);
                if (q.has("min")) {
                    assertThat(n).as(where).isGreaterThanOrEqualTo(q.get("min").asLong());
                }
                if (q.has("max")) {
                    assertThat(n).as(where).isLessThanOrEqualTo(q.get("max").asLong());
                }
            }
            case "date" -> assertThat(example).as(where).matches("today([+-][0-9]+[dmy])?|[0-9]{4}-[0-9]{2}-[0-9]{2}");
            case "register-number" -> assertThat(RegisterNumber.isValid(example, java.time.Clock.systemUTC())).as(where).isTrue();
            case "yes-no" -> assertThat(example).as(where).isIn("yes", "no");
            case "text" -> {
                if (q.has("pattern")) {
                    assertThat(example).as(where).matches(q.get("pattern").asString());
                }
                assertThat(example.length()).as(where).isLessThanOrEqualTo(q.has("maxLength") ? q.get("maxLength").asInt() : 200);
            }
            default -> assertThat(example).as(where).isNotBlank();
        }
    }

    private static Set<String> values(JsonNode q) {
        Set<String> values = new HashSet<>();
        if (q != null && q.has("options")) {
            q.get("options").forEach(o -> values.add(o.get("value").asString()));
        } else if (q != null && "yes-no".equals(q.get("type").asString())) {
            values.addAll(Set.of("yes", "no"));
        }
        return values;
    }

    private static void texts(JsonNode text, String where) {
        assertThat(text).as(where).isNotNull();
        assertThat(text.get("mn").asString()).as(where + " (mn)").isNotBlank().matches("(?s).*[А-Яа-яЁёӨөҮү].*");
        assertThat(text.get("en").asString()).as(where + " (en)").isNotBlank();
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !OTHERS.contains(f.getFileName().toString().replace(".json", ""))).sorted().toList();
        }
    }

    /** Service code → form id of every service the catalogue (as loaded from its data file) offers online. */
    private Map<String, String> catalogue() {
        Map<String, String> forms = new HashMap<>();
        services.online().forEach(service -> forms.put(service.code(), service.form()));
        return forms;
    }
}
