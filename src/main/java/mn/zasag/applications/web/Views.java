package mn.zasag.applications.web;

import mn.zasag.applications.internal.AnswerError;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.applications.internal.Attachment;
import mn.zasag.applications.internal.CitizenJourney;
import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.applications.internal.Prefills;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns form definitions and applications into what the templates show, in the reader's language. */
@Component
class Views {

    private final MessageSource messages;
    private final ApplicationStore store;

    Views(MessageSource messages, ApplicationStore store) {
        this.messages = messages;
        this.store = store;
    }

    record OptionView(String id, String value, String label, boolean checked) {
    }

    /** One question as the page shows it. */
    record QuestionView(String id, String type, String label, String hint, String value, String day, String month, String year,
                        List<OptionView> options, String error, boolean locked, String prefilled, boolean unavailable,
                        String fileName, String accept, boolean select, Integer maxLength) {

        public String describedBy() {
            String d = (hint != null ? id + "-hint " : "") + (error != null ? id + "-error" : "");
            return d.isBlank() ? null : d.strip();
        }
    }

    record ErrorLink(String target, String message) {
    }

    /** One answer on check answers (and the officer's view): label, value as read, where to change it. */
    record Row(String pageId, String questionId, String label, String value, String attachmentId, boolean corrected,
               String registryValue) {
    }

    String message(AnswerError e, Locale locale) {
        if (e.text() != null) {
            return e.text().in(locale);
        }
        return messages.getMessage(e.key(), e.args(), e.key(), locale);
    }

    List<QuestionView> questions(FormDefinition form, Application a, List<Question> questions, Map<String, String> posted,
                                 List<AnswerError> errors, Locale locale) {
        Map<String, String> errorText = new LinkedHashMap<>();
        for (AnswerError e : errors) {
            errorText.putIfAbsent(e.question(), message(e, locale));
        }
        List<QuestionView> out = new ArrayList<>();
        for (Question q : questions) {
            String value = posted != null && posted.containsKey(q.id()) ? posted.get(q.id())
                    : a == null ? "" : a.answers().getOrDefault(q.id(), "");
            boolean locked = a != null && CitizenJourney.locked(form, a, q);
            String prefilled = a == null ? null : a.prefilled().get(q.id());
            boolean unavailable = a != null && Prefills.UNAVAILABLE.equals(a.prefillNotes().get(q.id()));
            String day = "", month = "", year = "";
            if (q.isDate() && value != null && !value.isEmpty()) {
                String[] parts = value.contains("/") ? value.split("/", -1) : isoParts(value);
                if (parts.length == 3) {
                    day = parts[0];
                    month = parts[1];
                    year = parts[2];
                }
            }
            List<OptionView> options = new ArrayList<>();
            List<String> values = a == null ? q.options().stream().map(FormDefinition.Option::value).toList()
                    : CitizenJourney.optionValues(a, q);
            if ("yes-no".equals(q.type())) {
                values = List.of("yes", "no");
            }
            List<String> chosen = value == null ? List.of() : List.of(value.split(","));
            int i = 0;
            for (String v : values) {
                options.add(new OptionView(i == 0 ? q.id() : q.id() + "-" + i, v, optionLabel(q, v, locale), chosen.contains(v)));
                i++;
            }
            String fileName = null;
            if (q.isFile() && a != null && value != null && !value.isEmpty()) {
                fileName = attachmentName(value);
            }
            out.add(new QuestionView(q.id(), q.type(), q.label().in(locale), q.hint() == null ? null : q.hint().in(locale),
                    value, day, month, year, options, errorText.get(q.id()), locked, prefilled, unavailable, fileName,
                    String.join(",", q.accept()), options.size() > 8, q.maxLength()));
        }
        return out;
    }

    private static String[] isoParts(String iso) {
        try {
            LocalDate d = LocalDate.parse(iso);
            return new String[]{Integer.toString(d.getDayOfMonth()), Integer.toString(d.getMonthValue()), Integer.toString(d.getYear())};
        } catch (DateTimeParseException e) {
            return new String[0];
        }
    }

    List<ErrorLink> errorLinks(List<AnswerError> errors, FormDefinition form, Locale locale) {
        List<ErrorLink> out = new ArrayList<>();
        for (AnswerError e : errors) {
            String target = e.question();
            var q = form.question(e.question()).or(() -> form.decisionOrDefault().fields().stream()
                    .filter(f -> f.id().equals(e.question())).findFirst());
            if (q.isPresent() && q.get().isDate()) {
                target = e.question() + "-day";
            }
            out.add(new ErrorLink(target, message(e, locale)));
        }
        return out;
    }

    String optionLabel(Question q, String value, Locale locale) {
        if ("yes-no".equals(q.type())) {
            return messages.getMessage("applications.answer." + value, null, value, locale);
        }
        for (var o : q.options()) {
            if (o.value().equals(value)) {
                return o.label().in(locale);
            }
        }
        return value;
    }

    /** An answer as a person reads it: option labels, dates day.month.year, files by name. */
    String shown(Question q, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return messages.getMessage("applications.answer.none", null, "-", locale);
        }
        return switch (q.type()) {
            case "choice", "yes-no" -> optionLabel(q, value, locale);
            case "choices" -> String.join(", ", List.of(value.split(",")).stream().map(v -> optionLabel(q, v, locale)).toList());
            case "date" -> {
                try {
                    LocalDate d = LocalDate.parse(value);
                    yield String.format("%04d.%02d.%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
                } catch (DateTimeParseException e) {
                    yield value;
                }
            }
            case "file" -> attachmentName(value);
            case "number" -> value;
            default -> value;
        };
    }

    private String attachmentName(String id) {
        try {
            return store.attachment(UUID.fromString(id)).map(Attachment::fileName).orElse(id);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** The answers of the pages the skip logic leaves, in order. */
    List<Row> rows(FormDefinition form, Application a, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (var l : CitizenJourney.visible(form, a.answers())) {
            for (Question q : l.page().questions()) {
                String v = a.answers().get(q.id());
                String registry = a.prefilled().get(q.id());
                boolean corrected = registry != null && v != null && !registry.equals(v);
                rows.add(new Row(l.page().id(), q.id(), q.label().in(locale), shown(q, v, locale),
                        q.isFile() && v != null && !v.isEmpty() ? v : null, corrected, corrected ? shown(q, registry, locale) : null));
            }
        }
        return rows;
    }

    String state(String state, Locale locale) {
        return messages.getMessage("applications.state." + state, null, state, locale);
    }
}
