package mn.zasag.applications.internal;

import mn.zasag.applications.internal.FormDefinition.Located;
import mn.zasag.applications.internal.FormDefinition.Page;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.PublicService;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The citizen's side of an application: a draft begun with what the registries already know, saved at every page,
 * the pages the skip logic leaves, check answers, an idempotent submission, replies to an officer's questions and
 * withdrawal. Every request names the application by reference and is refused (as not found) for anyone but its
 * applicant.
 */
@Service
public class CitizenJourney {

    /** Answers keys starting with this mark pages as done; they are never answers. */
    static final String DONE = "@page:";
    /** Pre-filled options lists of {@code optionsFrom} questions, kept with the pre-filled values. */
    static final String OPTIONS = "@options:";

    private final Forms forms;
    private final ApplicationStore store;
    private final Lifecycle lifecycle;
    private final Prefills prefills;
    private final AnswerCheck check;
    private final Decisions decisions;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CitizenJourney(Forms forms, ApplicationStore store, Lifecycle lifecycle, Prefills prefills, AnswerCheck check,
                   Decisions decisions, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.forms = forms;
        this.store = store;
        this.lifecycle = lifecycle;
        this.prefills = prefills;
        this.check = check;
        this.decisions = decisions;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public FormDefinition form(String formId) {
        return forms.find(formId).orElseThrow(ApplicationNotFound::new);
    }

    /** The form, or null when its file is gone (an old application still shows). */
    public FormDefinition formOrNull(String formId) {
        return forms.find(formId).orElse(null);
    }

    /** Whether the applicant may still withdraw it (before a decision). */
    public boolean withdrawable(Application a) {
        return lifecycle.allows(a.state(), Application.WITHDRAWN, "applicant");
    }

    public PublicService service(FormDefinition form) {
        return forms.service(form).orElseThrow(ApplicationNotFound::new);
    }

    /** The applicant's draft of this form, or a new one pre-filled through the exchange. */
    public Application start(String formId, Actor citizen, String language) {
        FormDefinition form = form(formId);
        PublicService service = service(form);
        Optional<Application> draft = store.draftOf(citizen.accountId(), formId);
        if (draft.isPresent() && draft.get().formVersion() == form.version()) {
            return draft.get();
        }
        // asked outside the transaction: the exchange keeps its own log, whatever happens to the draft
        Prefills.Fetched fetched = prefills.fetch(form, citizen.login());
        return transaction.execute(status -> {
            draft.ifPresent(old -> lifecycle.move(old, Application.WITHDRAWN, "applicant", citizen.login(),
                    "form version " + form.version(), Map.of("service", service.nameMn())));
            Map<String, String> prefilled = new LinkedHashMap<>(fetched.values());
            fetched.options().forEach((q, list) -> prefilled.put(OPTIONS + q, String.join("\n", list)));
            String reference = "A-" + OffsetDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyMM")) + "-"
                    + String.format("%06d", store.nextNumber() % 1_000_000);
            Application a = store.create(reference, form, service.agencyCode(), citizen.login(), citizen.accountId(), "online",
                    "en".equals(language) ? "en" : "mn", new LinkedHashMap<>(fetched.values()), prefilled, fetched.notes());
            store.history(a.id(), citizen.login(), "applicant", null, Application.DRAFT, null, OffsetDateTime.now(clock));
            audit.record(AuditEvent.success("applications.draft.started", "application", reference)
                    .withDetails(Map.of("form", formId, "prefilled", String.join(",", fetched.values().keySet()))));
            return a;
        });
    }

    /** The applicant's own application; anyone else's is not found (and the attempt audited). */
    public Application own(String reference, Actor citizen) {
        Optional<Application> a = store.find(reference);
        if (a.isEmpty() || citizen.accountId() == null || a.get().applicantAccount() != citizen.accountId()) {
            if (a.isPresent()) {
                decisions.denied(reference, citizen, "applicant");
            }
            throw new ApplicationNotFound();
        }
        return a.get();
    }

    // ------------------------------------------------------------ pages

    /** The pages the answers so far leave, in order. */
    public static List<Located> visible(FormDefinition form, Map<String, String> answers) {
        List<Located> out = new ArrayList<>();
        for (Located l : form.pages()) {
            if (l.page().when() == null || l.page().when().holds(answers)) {
                out.add(l);
            }
        }
        return out;
    }

    public static boolean done(Application a, String pageId) {
        return a.answers().containsKey(DONE + pageId);
    }

    public static Optional<Located> firstUndone(FormDefinition form, Application a) {
        return visible(form, a.answers()).stream().filter(l -> !done(a, l.page().id())).findFirst();
    }

    /** Whether every page before this one (that the answers leave) is done: what may be asked now. */
    public static boolean reachable(FormDefinition form, Application a, String pageId) {
        for (Located l : visible(form, a.answers())) {
            if (l.page().id().equals(pageId)) {
                return true;
            }
            if (!done(a, l.page().id())) {
                return false;
            }
        }
        return false;
    }

    /** Where to go after a page: the next page, the task list at a section's end, or check answers. */
    public static String after(FormDefinition form, Application a, String pageId, boolean fromCheck) {
        List<Located> pages = visible(form, a.answers());
        Optional<Located> undone = pages.stream().filter(l -> !done(a, l.page().id())).findFirst();
        if (fromCheck) {
            return undone.map(l -> "page/" + l.page().id()).orElse("check");
        }
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).page().id().equals(pageId)) {
                if (i + 1 < pages.size()) {
                    Located next = pages.get(i + 1);
                    if (form.taskList() && !next.section().id().equals(pages.get(i).section().id())) {
                        return "tasks";
                    }
                    return "page/" + next.page().id();
                }
            }
        }
        return undone.map(l -> form.taskList() ? "tasks" : "page/" + l.page().id()).orElse(form.taskList() ? "tasks" : "check");
    }

    /** A task list section's state: {@code completed}, {@code in-progress}, {@code not-started} or {@code cannot-start}. */
    public static String sectionState(FormDefinition form, Application a, FormDefinition.Section section) {
        boolean earlierComplete = true;
        for (var s : form.sections()) {
            List<Located> pages = visible(form, a.answers()).stream().filter(l -> l.section().id().equals(s.id())).toList();
            long doneCount = pages.stream().filter(l -> done(a, l.page().id())).count();
            if (s.id().equals(section.id())) {
                if (!pages.isEmpty() && doneCount == pages.size()) {
                    return "completed";
                }
                if (doneCount > 0) {
                    return "in-progress";
                }
                return earlierComplete ? "not-started" : "cannot-start";
            }
            earlierComplete &= doneCount == pages.size();
        }
        return "cannot-start";
    }

    /** The options of a choice question: the definition's, or the ones the exchange gave. */
    public static List<String> optionValues(Application a, Question q) {
        if (q.optionsFrom() == null) {
            return q.options().stream().map(FormDefinition.Option::value).toList();
        }
        String list = a.prefilled().get(OPTIONS + q.id());
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("\n"));
    }

    /** Whether the question shows its pre-filled value for confirmation only. */
    public static boolean locked(FormDefinition form, Application a, Question q) {
        return form.prefillOf(q.id()).map(p -> !p.editable() && a.prefilled().containsKey(q.id())).orElse(false);
    }

    /** A posted page: the values as typed (for showing again) and what is wrong with them. */
    public record Posted(Map<String, String> values, List<AnswerError> errors) {
    }

    /** An uploaded file as the page received it. */
    public record Upload(String fileName, byte[] content) {
    }

    /**
     * Saves a page's answers when they are all valid; files that are valid are kept even when another answer is
     * not, so nothing is lost. Skipped pages' answers are dropped.
     */
    public Posted savePage(String reference, Actor citizen, String pageId, int formVersion, Map<String, String> inputs,
                           Map<String, Upload> uploads) {
        return transaction.execute(status -> {
            Application a = store.lockById(own(reference, citizen).id()).orElseThrow();
            FormDefinition form = form(a.formId());
            if (!a.draft()) {
                throw ApplicationRefused.conflict("applications_not_draft");
            }
            if (formVersion != a.formVersion() || form.version() != a.formVersion()) {
                throw ApplicationRefused.conflict("applications_stale_version");
            }
            Located located = form.page(pageId).orElseThrow(ApplicationNotFound::new);
            if (!reachable(form, a, pageId)) {
                throw ApplicationRefused.conflict("applications_out_of_order");
            }
            Map<String, String> answers = new LinkedHashMap<>(a.answers());
            Map<String, String> shown = new LinkedHashMap<>();
            List<AnswerError> errors = new ArrayList<>();
            for (Question q : located.page().questions()) {
                if (locked(form, a, q)) {
                    answers.put(q.id(), a.prefilled().get(q.id()));
                    continue;
                }
                if (q.isFile()) {
                    Upload up = uploads.get(q.id());
                    if (up != null && up.content().length > 0) {
                        AnswerError e = fileError(q, up);
                        if (e != null) {
                            errors.add(e);
                        } else {
                            String type = AnswerCheck.sniff(up.content());
                            answers.put(q.id(), store.saveAttachment(a.id(), q.id(), safeName(up.fileName()), type, up.content()).toString());
                        }
                    } else if (q.required() && (answers.get(q.id()) == null || answers.get(q.id()).isEmpty())) {
                        errors.add(AnswerError.of(q.id(), "file.required"));
                    }
                    continue;
                }
                String raw = inputs.getOrDefault(q.id(), "");
                shown.put(q.id(), raw);
                AnswerCheck.Result r = check.check(q, raw, new LinkedHashSet<>(optionValues(a, q)));
                if (r.error() != null) {
                    errors.add(r.error());
                } else {
                    answers.put(q.id(), r.value());
                }
            }
            if (errors.isEmpty()) {
                answers.put(DONE + pageId, "done");
                store.saveAnswers(a.id(), prune(form, answers));
            } else if (!answers.equals(a.answers())) {
                // keep the files that were fine; the page itself stays not done
                Map<String, String> kept = new LinkedHashMap<>(a.answers());
                located.page().questions().stream().filter(Question::isFile)
                        .filter(q -> answers.get(q.id()) != null).forEach(q -> kept.put(q.id(), answers.get(q.id())));
                store.saveAnswers(a.id(), kept);
            }
            return new Posted(shown, errors);
        });
    }

    private static AnswerError fileError(Question q, Upload up) {
        if (up.content().length > q.fileLimit()) {
            return AnswerError.of(q.id(), "file.size", q.fileLimit() / (1024 * 1024) >= 1 ? (q.fileLimit() / (1024 * 1024)) + " MB"
                    : (q.fileLimit() / 1024) + " KB");
        }
        String type = AnswerCheck.sniff(up.content());
        if (type == null || !q.accept().contains(type)) {
            return AnswerError.of(q.id(), "file.type", String.join(", ", q.accept().stream().map(CitizenJourney::shortType).toList()));
        }
        return null;
    }

    static String shortType(String mime) {
        return switch (mime) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPG";
            case "image/png" -> "PNG";
            default -> mime;
        };
    }

    private static String safeName(String name) {
        String n = name == null ? "file" : name.replaceAll("[\\\\/\\r\\n\"]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    /** Drops the answers (and done marks) of pages the skip logic now leaves out. */
    static Map<String, String> prune(FormDefinition form, Map<String, String> answers) {
        Map<String, String> out = new LinkedHashMap<>(answers);
        Set<String> visiblePages = new LinkedHashSet<>();
        visible(form, answers).forEach(l -> visiblePages.add(l.page().id()));
        for (Located l : form.pages()) {
            if (!visiblePages.contains(l.page().id())) {
                out.remove(DONE + l.page().id());
                l.page().questions().forEach(q -> out.remove(q.id()));
            }
        }
        return out;
    }

    /** The answers as an approval action and the officer see them: no marks. */
    public static Map<String, String> answersOnly(Map<String, String> answers) {
        Map<String, String> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (!k.startsWith("@")) {
                out.put(k, v);
            }
        });
        return out;
    }

    // ------------------------------------------------------------ submission

    /**
     * Submits the draft. The check answers page carries the draft's token and the answers' revision: the same post
     * twice gives the same application; a post from an older check answers page is refused so the applicant sees
     * what they are sending.
     */
    public Application submit(String reference, Actor citizen, String token, int revision) {
        Application submitted = transaction.execute(status -> {
            Application a = store.lockById(own(reference, citizen).id()).orElseThrow();
            if (token == null || !token.equals(a.submitToken())) {
                throw ApplicationRefused.conflict("applications_stale_version");
            }
            if (!a.draft()) {
                return a;
            }
            if (revision != a.revision()) {
                throw ApplicationRefused.conflict("applications_answers_changed");
            }
            FormDefinition form = form(a.formId());
            if (form.version() != a.formVersion()) {
                throw ApplicationRefused.conflict("applications_stale_version");
            }
            if (firstUndone(form, a).isPresent()) {
                throw ApplicationRefused.conflict("applications_incomplete");
            }
            PublicService service = service(form);
            a = lifecycle.move(a, Application.SUBMITTED, "applicant", citizen.login(), null, Map.of("service", service.nameMn()));
            if (service.feeMnt() > 0) {
                return lifecycle.move(a, Application.AWAITING_PAYMENT, "system", SystemActor.LOGIN,
                        Long.toString(service.feeMnt()), Map.of("service", service.nameMn()));
            }
            if (form.decisionOrDefault().automatic()) {
                return decisions.decideAutomatically(a, form);
            }
            return a;
        });
        decisions.issueDocument(submitted.reference());
        return store.find(reference).orElseThrow();
    }

    /** The applicant answers an officer's request for information; the application goes back to review. */
    public Application reply(String reference, Actor citizen, String message, Upload upload) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ApplicationRefused.invalid("applications_reply_invalid");
        }
        return transaction.execute(status -> {
            Application a = store.lockById(own(reference, citizen).id()).orElseThrow();
            if (!Application.INFO_REQUESTED.equals(a.state())) {
                throw ApplicationRefused.conflict("applications_transition_not_allowed");
            }
            String note = text;
            if (upload != null && upload.content().length > 0) {
                String type = AnswerCheck.sniff(upload.content());
                if (type == null) {
                    throw ApplicationRefused.invalid("applications_reply_file_type");
                }
                if (upload.content().length > 5L * 1024 * 1024) {
                    throw ApplicationRefused.invalid("applications_reply_file_size");
                }
                var id = store.saveAttachment(a.id(), "reply", safeName(upload.fileName()), type, upload.content());
                note = text + " [" + id + "]";
            }
            return lifecycle.move(a, Application.IN_REVIEW, "applicant", citizen.login(), note, Map.of());
        });
    }

    public Application withdraw(String reference, Actor citizen) {
        return transaction.execute(status -> {
            Application a = store.lockById(own(reference, citizen).id()).orElseThrow();
            return lifecycle.move(a, Application.WITHDRAWN, "applicant", citizen.login(), null, Map.of());
        });
    }
}
