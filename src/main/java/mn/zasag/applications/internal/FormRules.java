package mn.zasag.applications.internal;

import mn.zasag.applications.internal.FormDefinition.Page;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.applications.internal.FormDefinition.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of docs/FORMS.md a form definition must keep. Each broken rule is one sentence naming the form and the
 * place, so the start-up failure says exactly what to fix.
 */
public final class FormRules {

    public static final Set<String> TYPES = Set.of("text", "textarea", "number", "date", "choice", "choices", "yes-no",
            "register-number", "phone", "email", "plate", "division", "file");
    /** What attachments can be: the types whose content the engine recognises. */
    public static final Set<String> FILE_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QUESTION_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern DATE_BOUND = Pattern.compile("today([+-]\\d+[dmy])?|\\d{4}-\\d{2}-\\d{2}");

    /**
     * What the rules check against.
     *
     * @param formOfService the catalogue's form id for a service code: empty when the service does not exist,
     *                      an empty string when it has no form
     * @param actionExists  whether an {@code ApprovalAction} bean has this name
     * @param providerKnown whether the exchange has a provider with this key
     */
    public record Context(Function<String, Optional<String>> formOfService, Predicate<String> actionExists,
                          Predicate<String> providerKnown) {
    }

    private FormRules() {
    }

    public static List<String> check(FormDefinition f, String fileName, Context context) {
        List<String> errors = new ArrayList<>();
        String where = "form " + fileName;
        if (f.id() == null || !FORM_ID.matcher(f.id()).matches()) {
            errors.add(where + ": id must be lower-case letters, digits and hyphens");
        } else if (!f.id().equals(fileName)) {
            errors.add(where + ": id '" + f.id() + "' differs from the file name");
        }
        if (f.service() == null) {
            errors.add(where + ": service is missing");
        } else {
            Optional<String> form = context.formOfService().apply(f.service());
            if (form.isEmpty()) {
                errors.add(where + ": service " + f.service() + " is not in the catalogue");
            } else if (!fileName.equals(form.get())) {
                errors.add(where + ": catalogue service " + f.service() + " names form '" + form.get() + "', not this one");
            }
        }
        if (f.version() < 1) {
            errors.add(where + ": version must be 1 or more");
        }
        text(errors, where + ": title", f.title());
        if (f.sections().isEmpty()) {
            errors.add(where + ": no sections");
        }
        Set<String> sectionIds = new HashSet<>();
        Set<String> pageIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        List<String> earlier = new ArrayList<>();
        for (var s : f.sections()) {
            String sw = where + ", section " + s.id();
            if (s.id() == null || !sectionIds.add(s.id())) {
                errors.add(sw + ": section id missing or repeated");
            }
            text(errors, sw + ": title", s.title());
            if (s.pages().isEmpty()) {
                errors.add(sw + ": no pages");
            }
            for (Page p : s.pages()) {
                String pw = where + ", page " + p.id();
                if (p.id() == null || !FORM_ID.matcher(p.id()).matches() || !pageIds.add(p.id())) {
                    errors.add(pw + ": page id missing, malformed or repeated");
                }
                text(errors, pw + ": title", p.title());
                if (p.hint() != null) {
                    text(errors, pw + ": hint", p.hint());
                }
                if (p.when() != null) {
                    when(errors, pw, p.when(), earlier);
                }
                if (p.questions().isEmpty()) {
                    errors.add(pw + ": no questions");
                }
                for (Question q : p.questions()) {
                    question(errors, pw, q, questionIds, context);
                }
                p.questions().forEach(q -> earlier.add(q.id()));
            }
        }
        for (var p : f.prefill()) {
            String pw = where + ", prefill of " + p.question();
            if (p.question() == null || !questionIds.contains(p.question())) {
                errors.add(pw + ": no such question");
            }
            source(errors, pw, p.from(), context, false);
        }
        var d = f.decision();
        if (d == null) {
            errors.add(where + ": decision is missing");
            return errors;
        }
        if (!"officer".equals(d.mode()) && !"automatic".equals(d.mode())) {
            errors.add(where + ": decision.mode must be officer or automatic");
        }
        if (d.action() != null && !context.actionExists().test(d.action())) {
            errors.add(where + ": decision.action '" + d.action() + "' has no ApprovalAction bean");
        }
        if (d.automatic() && !d.fields().isEmpty()) {
            errors.add(where + ": an automatic decision has no decision fields");
        }
        for (Question q : d.fields()) {
            question(errors, where + ", decision", q, questionIds, context);
            if (q.isFile()) {
                errors.add(where + ", decision field " + q.id() + ": decision fields cannot be files");
            }
        }
        if (d.document() != null) {
            String dw = where + ", decision.document";
            if (d.document().type() == null || d.document().type().isBlank()) {
                errors.add(dw + ": type is missing");
            }
            text(errors, dw + ": title", d.document().title());
            for (String a : d.document().answers()) {
                if (!questionIds.contains(a)) {
                    errors.add(dw + ": answer '" + a + "' is not a question");
                }
            }
        }
        return errors;
    }

    private static void when(List<String> errors, String where, FormDefinition.When w, List<String> earlier) {
        int conditions = (w.equals() != null ? 1 : 0) + (w.in() != null ? 1 : 0) + (w.notEquals() != null ? 1 : 0);
        if (conditions != 1) {
            errors.add(where + ": when needs exactly one of equals, in, notEquals");
        }
        if (w.question() == null || !earlier.contains(w.question())) {
            errors.add(where + ": when refers to '" + w.question() + "', which is not a question of an earlier page");
        }
    }

    private static void question(List<String> errors, String where, Question q, Set<String> ids, Context context) {
        String qw = where + ", question " + q.id();
        if (q.id() == null || !QUESTION_ID.matcher(q.id()).matches()) {
            errors.add(qw + ": id must match [a-zA-Z][a-zA-Z0-9]*");
        } else if (!ids.add(q.id())) {
            errors.add(qw + ": id is used twice in the form");
        }
        if (q.type() == null || !TYPES.contains(q.type())) {
            errors.add(qw + ": unknown type '" + q.type() + "'");
            return;
        }
        text(errors, qw + ": label", q.label());
        if (q.hint() != null) {
            text(errors, qw + ": hint", q.hint());
        }
        if (q.pattern() != null) {
            try {
                Pattern.compile(q.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(qw + ": pattern does not compile");
            }
            if (q.patternMessage() == null) {
                errors.add(qw + ": a pattern needs a patternMessage");
            } else {
                text(errors, qw + ": patternMessage", q.patternMessage());
            }
        }
        if (q.min() != null && q.max() != null && q.min() > q.max()) {
            errors.add(qw + ": min is above max");
        }
        for (String bound : new String[]{q.notBefore(), q.notAfter()}) {
            if (bound != null && (!DATE_BOUND.matcher(bound).matches() || !parsesAsDate(bound))) {
                errors.add(qw + ": date bound '" + bound + "' must be today, today±N(d|m|y) or an ISO date");
            }
        }
        boolean options = "choice".equals(q.type()) || "choices".equals(q.type());
        if (options) {
            if (q.options().isEmpty() == (q.optionsFrom() == null)) {
                errors.add(qw + ": a choice needs either options or optionsFrom");
            }
            Set<String> values = new HashSet<>();
            for (var o : q.options()) {
                if (o.value() == null || o.value().isBlank() || o.value().contains(",") || !values.add(o.value())) {
                    errors.add(qw + ": option value missing, repeated or containing a comma");
                }
                text(errors, qw + ", option " + o.value(), o.label());
            }
            if (q.optionsFrom() != null) {
                source(errors, qw + ": optionsFrom", q.optionsFrom(), context, true);
            }
        } else if (!q.options().isEmpty() || q.optionsFrom() != null) {
            errors.add(qw + ": only choice and choices have options");
        }
        if (q.isFile()) {
            if (q.accept().isEmpty() || !FILE_TYPES.containsAll(q.accept())) {
                errors.add(qw + ": accept must list some of " + FILE_TYPES);
            }
            if (q.maxBytes() != null && (q.maxBytes() < 1 || q.maxBytes() > 20L * 1024 * 1024)) {
                errors.add(qw + ": maxBytes must be 1 byte to 20 MB");
            }
        }
    }

    private static void source(List<String> errors, String where, String from, Context context, boolean many) {
        if (from == null || !from.contains("#/")) {
            errors.add(where + ": source must be provider#/json/pointer");
            return;
        }
        String provider = from.substring(0, from.indexOf('#'));
        if (!context.providerKnown().test(provider)) {
            errors.add(where + ": unknown exchange source '" + provider + "'");
        }
        if (!many && from.contains("*")) {
            errors.add(where + ": a pre-filled answer is one value (no * in the pointer)");
        }
    }

    private static void text(List<String> errors, String where, Text t) {
        if (t == null || !t.complete()) {
            errors.add(where + " needs both mn and en");
        }
    }

    private static boolean parsesAsDate(String bound) {
        try {
            DateBounds.resolve(bound, LocalDate.of(2026, 1, 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
