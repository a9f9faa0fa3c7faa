package mn.zasag.applications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One form as its JSON file describes it (docs/FORMS.md). Records mirror the file one to one; unknown fields are
 * refused when loading so that a typo cannot silently drop a rule.
 */
public record FormDefinition(String id, String service, int version, Text title, boolean taskList, List<Section> sections,
                             List<Prefill> prefill, Decision decision) {

    public FormDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
        prefill = prefill == null ? List.of() : List.copyOf(prefill);
    }

    /** Every text of a form, in both languages. */
    public record Text(String mn, String en) {
        public String in(Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : mn;
        }

        boolean complete() {
            return mn != null && !mn.isBlank() && en != null && !en.isBlank();
        }
    }

    public record Section(String id, Text title, List<Page> pages) {
        public Section {
            pages = pages == null ? List.of() : List.copyOf(pages);
        }
    }

    public record Page(String id, Text title, Text hint, When when, List<Question> questions) {
        public Page {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** Skip logic: exactly one of {@code equals}, {@code in} and {@code notEquals}. */
    public record When(String question, String equals, List<String> in, String notEquals) {
        public boolean holds(java.util.Map<String, String> answers) {
            String a = answers.get(question);
            if (equals != null) {
                return equals.equals(a);
            }
            if (in != null) {
                return a != null && in.contains(a);
            }
            if (notEquals != null) {
                return a != null && !notEquals.equals(a);
            }
            return true;
        }
    }

    public record Option(String value, Text label) {
    }

    public record Question(String id, String type, Text label, Text hint, boolean required, Integer minLength, Integer maxLength,
                           String pattern, Text patternMessage, Long min, Long max, String notBefore, String notAfter,
                           List<Option> options, String optionsFrom, List<String> accept, Long maxBytes, String example) {
        public Question {
            options = options == null ? List.of() : List.copyOf(options);
            accept = accept == null ? List.of() : List.copyOf(accept);
        }

        public boolean isFile() {
            return "file".equals(type);
        }

        public boolean isDate() {
            return "date".equals(type);
        }

        public long fileLimit() {
            return maxBytes == null ? 5L * 1024 * 1024 : maxBytes;
        }
    }

    public record Prefill(String question, String from, boolean editable) {
        /** The exchange provider key, before {@code #}. */
        public String provider() {
            int hash = from.indexOf('#');
            return hash < 0 ? from : from.substring(0, hash);
        }

        public String pointer() {
            int hash = from.indexOf('#');
            return hash < 0 ? "" : from.substring(hash + 1);
        }
    }

    public record Decision(String mode, String action, List<Question> fields, DocumentSpec document) {
        public Decision {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public boolean automatic() {
            return "automatic".equals(mode);
        }
    }

    public record DocumentSpec(String type, Text title, List<String> answers) {
        public DocumentSpec {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** A page with the section it belongs to. */
    public record Located(Section section, Page page) {
    }

    public List<Located> pages() {
        List<Located> all = new ArrayList<>();
        for (Section s : sections) {
            for (Page p : s.pages()) {
                all.add(new Located(s, p));
            }
        }
        return all;
    }

    public Optional<Located> page(String pageId) {
        return pages().stream().filter(l -> l.page().id().equals(pageId)).findFirst();
    }

    public List<Question> questions() {
        return pages().stream().flatMap(l -> l.page().questions().stream()).toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Optional<Prefill> prefillOf(String questionId) {
        return prefill.stream().filter(p -> p.question().equals(questionId)).findFirst();
    }

    public Decision decisionOrDefault() {
        return decision == null ? new Decision("officer", null, List.of(), null) : decision;
    }
}
