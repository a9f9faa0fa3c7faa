package mn.zasag.applications;

import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.applications.internal.FormRules;
import mn.zasag.applications.internal.Forms;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of docs/FORMS.md: a broken definition is refused with a sentence naming what to fix. */
class FormRulesTests {

    static final FormRules.Context CONTEXT = new FormRules.Context(
            code -> Optional.ofNullable(Map.of("T-001", "good-form", "T-002", "").get(code)),
            Set.of("vehicles.transfer-ownership")::contains,
            Set.of("civil-registry.person", "vehicles.by-owner")::contains);

    static final String GOOD = """
            {"id": "good-form", "service": "T-001", "version": 1, "title": {"mn": "Маягт", "en": "Form"}, "taskList": false,
             "sections": [{"id": "s", "title": {"mn": "Хэсэг", "en": "Section"}, "pages": [
               {"id": "first", "title": {"mn": "Нэг", "en": "One"}, "questions": [
                 {"id": "name", "type": "text", "required": true, "label": {"mn": "Нэр", "en": "Name"}},
                 {"id": "married", "type": "yes-no", "required": true, "label": {"mn": "Гэрлэсэн", "en": "Married"}}]},
               {"id": "second", "title": {"mn": "Хоёр", "en": "Two"}, "when": {"question": "married", "equals": "yes"}, "questions": [
                 {"id": "spouse", "type": "register-number", "required": true, "label": {"mn": "Эхнэр/нөхөр", "en": "Spouse"}},
                 {"id": "scan", "type": "file", "required": false, "accept": ["application/pdf"], "label": {"mn": "Скан", "en": "Scan"}}]}]}],
             "prefill": [{"question": "name", "from": "civil-registry.person#/givenName", "editable": false}],
             "decision": {"mode": "officer", "action": "vehicles.transfer-ownership", "fields": [],
               "document": {"type": "t.doc", "title": {"mn": "Баримт", "en": "Document"}, "answers": ["name"]}}}
            """;

    private static List<String> errors(String json, String fileName) {
        return FormRules.check(Forms.parse(json), fileName, CONTEXT);
    }

    @Test
    void aGoodDefinitionPasses() {
        FormDefinition f = Forms.parse(GOOD);
        assertThat(FormRules.check(f, "good-form", CONTEXT)).isEmpty();
        assertThat(f.pages()).hasSize(2);
        assertThat(f.prefillOf("name")).isPresent();
    }

    @Test
    void theIdMustBeTheFileNameAndTheServiceMustNameTheForm() {
        assertThat(errors(GOOD, "other-name")).anyMatch(e -> e.contains("differs from the file name"))
                .anyMatch(e -> e.contains("names form 'good-form', not this one"));
        assertThat(errors(GOOD.replace("\"T-001\"", "\"T-404\""), "good-form")).anyMatch(e -> e.contains("T-404 is not in the catalogue"));
        assertThat(errors(GOOD.replace("\"T-001\"", "\"T-002\""), "good-form")).anyMatch(e -> e.contains("names form ''"));
    }

    @Test
    void questionIdsAreUniqueAndTypesKnown() {
        assertThat(errors(GOOD.replace("\"id\": \"spouse\"", "\"id\": \"name\""), "good-form"))
                .anyMatch(e -> e.contains("question name: id is used twice"));
        assertThat(errors(GOOD.replace("\"type\": \"register-number\"", "\"type\": \"colour\""), "good-form"))
                .anyMatch(e -> e.contains("unknown type 'colour'"));
        assertThat(errors(GOOD.replace("\"accept\": [\"application/pdf\"]", "\"accept\": [\"application/zip\"]"), "good-form"))
                .anyMatch(e -> e.contains("accept must list"));
    }

    @Test
    void skipLogicRefersToAnEarlierQuestion() {
        assertThat(errors(GOOD.replace("\"question\": \"married\", \"equals\"", "\"question\": \"spouse\", \"equals\""), "good-form"))
                .anyMatch(e -> e.contains("when refers to 'spouse', which is not a question of an earlier page"));
        assertThat(errors(GOOD.replace("\"equals\": \"yes\"", "\"equals\": \"yes\", \"notEquals\": \"no\""), "good-form"))
                .anyMatch(e -> e.contains("exactly one of"));
    }

    @Test
    void actionsAndPrefillSourcesMustExist() {
        assertThat(errors(GOOD.replace("vehicles.transfer-ownership", "vehicles.teleport"), "good-form"))
                .anyMatch(e -> e.contains("decision.action 'vehicles.teleport' has no ApprovalAction bean"));
        assertThat(errors(GOOD.replace("civil-registry.person#", "civil-registry.horoscope#"), "good-form"))
                .anyMatch(e -> e.contains("unknown exchange source 'civil-registry.horoscope'"));
        assertThat(errors(GOOD.replace("\"answers\": [\"name\"]", "\"answers\": [\"age\"]"), "good-form"))
                .anyMatch(e -> e.contains("answer 'age' is not a question"));
        assertThat(errors(GOOD.replace("\"mode\": \"officer\"", "\"mode\": \"magic\""), "good-form"))
                .anyMatch(e -> e.contains("decision.mode must be officer or automatic"));
    }

    @Test
    void textsNeedBothLanguagesAndUnknownFieldsAreRefused() {
        assertThat(errors(GOOD.replace("{\"mn\": \"Нэр\", \"en\": \"Name\"}", "{\"mn\": \"Нэр\"}"), "good-form"))
                .anyMatch(e -> e.contains("question name: label needs both mn and en"));
        assertThatThrownBy(() -> Forms.parse(GOOD.replace("\"required\": true, \"label\": {\"mn\": \"Нэр\"",
                "\"requird\": true, \"label\": {\"mn\": \"Нэр\""))).isInstanceOf(JacksonException.class)
                .hasMessageContaining("requird");
    }

    @Test
    void theShippedFormsAreAllValidAtStart() {
        // Forms refuses to start on any broken file: loading them all here shows the two this module ships parse
        assertThat(Forms.load("classpath*:forms/*.json")).containsKeys("sw-sanatorium-refund", "si-basic-pension");
    }
}
