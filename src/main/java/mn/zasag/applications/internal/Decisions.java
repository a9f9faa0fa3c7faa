package mn.zasag.applications.internal;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.PublicService;
import mn.zasag.documents.Documents;
import mn.zasag.documents.IssuedDocument;
import mn.zasag.documents.NewDocument;
import mn.zasag.identity.Accounts;
import mn.zasag.shared.Actor;
import mn.zasag.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The officers' side: an agency's applications only (anyone else's is not found, and the attempt audited), claim
 * and assign, request more information, approve (the form's approval action runs in the same transaction as the
 * new state and the audit records; the document is issued right after) and reject with reasons. Automatic
 * decisions run the same way at submission.
 */
@Service
public class Decisions {

    /** How an action's facts are kept among the decision's answers. */
    private static final String FACT = "fact:";

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final Forms forms;
    private final ApplicationStore store;
    private final Lifecycle lifecycle;
    private final AnswerCheck check;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final Documents documents;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;
    private final TransactionTemplate independent;

    Decisions(Forms forms, ApplicationStore store, Lifecycle lifecycle, AnswerCheck check, AuditTrail audit, Accounts accounts,
              Documents documents, MessageSource messages, TransactionTemplate transaction) {
        this.forms = forms;
        this.store = store;
        this.lifecycle = lifecycle;
        this.check = check;
        this.audit = audit;
        this.accounts = accounts;
        this.documents = documents;
        this.messages = messages;
        this.transaction = transaction;
        this.nested = new TransactionTemplate(transaction.getTransactionManager());
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.independent = new TransactionTemplate(transaction.getTransactionManager());
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An application of the officer's agency; any other is not found, and the attempt audited. */
    public Application forOfficer(String reference, Actor officer) {
        Optional<Application> a = store.find(reference);
        if (a.isEmpty() || officer.agencyCode() == null || !officer.agencyCode().equals(a.get().agencyCode())
                || a.get().draft()) {
            if (a.isPresent()) {
                denied(reference, officer, "officer");
            }
            throw new ApplicationNotFound();
        }
        return a.get();
    }

    void denied(String reference, Actor who, String as) {
        // its own transaction: the refusal that follows rolls back the caller's
        independent.execute(status -> {
            audit.record(new AuditEvent("applications.access.denied", AuditEvent.Outcome.DENIED, "application", reference,
                    who.login(), Map.of("as", as)));
            return null;
        });
    }

    public FormDefinition form(Application a) {
        return forms.find(a.formId()).orElseThrow(ApplicationNotFound::new);
    }

    /** What the form's approval action says stands in the way now. */
    public List<String> obstacles(Application a) {
        FormDefinition form = form(a);
        return forms.action(form.decisionOrDefault().action()).map(action -> action.obstacles(submitted(a, Map.of())))
                .orElse(List.of());
    }

    public Application claim(String reference, Actor officer) {
        return transaction.execute(status -> {
            Application a = lock(reference, officer);
            if (Application.SUBMITTED.equals(a.state())) {
                a = lifecycle.move(a, Application.IN_REVIEW, "officer", officer.login(), null, Map.of());
            }
            store.assign(a.id(), officer.login());
            lifecycle.note(a, "officer", officer.login(), "assigned:" + officer.login());
            audit.record(AuditEvent.success("applications.assigned", "application", reference).withDetails(Map.of("to", officer.login())));
            return store.find(reference).orElseThrow();
        });
    }

    /** Hands the application to another officer of the same agency. */
    public Application assign(String reference, Actor officer, String to) {
        boolean colleague = accounts.staff(officer.agencyCode()).stream().anyMatch(s -> s.login().equals(to) && s.enabled());
        if (!colleague) {
            throw ApplicationRefused.invalid("applications_assignee_unknown");
        }
        return transaction.execute(status -> {
            Application a = lock(reference, officer);
            store.assign(a.id(), to);
            lifecycle.note(a, "officer", officer.login(), "assigned:" + to);
            audit.record(AuditEvent.success("applications.assigned", "application", reference).withDetails(Map.of("to", to)));
            return store.find(reference).orElseThrow();
        });
    }

    public Application requestInformation(String reference, Actor officer, String message) {
        String text = required(message);
        return transaction.execute(status -> {
            Application a = inReview(lock(reference, officer), officer);
            return lifecycle.move(a, Application.INFO_REQUESTED, "officer", officer.login(), text, Map.of());
        });
    }

    public Application reject(String reference, Actor officer, String reasons) {
        String text = required(reasons);
        return transaction.execute(status -> {
            Application a = lock(reference, officer);
            if (!Application.INFO_REQUESTED.equals(a.state())) {
                a = inReview(a, officer);
            }
            return lifecycle.move(a, Application.REJECTED, "officer", officer.login(), text, Map.of());
        });
    }

    /** The result of an approval: the decision fields' errors (nothing done), or the approved application. */
    public record Approval(Application application, List<AnswerError> errors, Map<String, String> values) {
    }

    /**
     * Approves: the decision fields are checked, the approval action runs and the state moves in one transaction;
     * a refusal by the action rolls it all back and is thrown. The document is issued after.
     */
    public Approval approve(String reference, Actor officer, Map<String, String> inputs) {
        Application found = forOfficer(reference, officer);
        if (!Application.SUBMITTED.equals(found.state()) && !Application.IN_REVIEW.equals(found.state())) {
            throw ApplicationRefused.conflict("applications_transition_not_allowed");
        }
        FormDefinition form = form(found);
        Map<String, String> decision = new LinkedHashMap<>();
        List<AnswerError> errors = new ArrayList<>();
        for (Question q : form.decisionOrDefault().fields()) {
            AnswerCheck.Result r = check.check(q, inputs.getOrDefault(q.id(), ""),
                    new LinkedHashSet<>(q.options().stream().map(FormDefinition.Option::value).toList()));
            if (r.error() != null) {
                errors.add(r.error());
            } else {
                decision.put(q.id(), r.value());
            }
        }
        if (!errors.isEmpty()) {
            return new Approval(found, errors, inputs);
        }
        Application approved = transaction.execute(status -> {
            Application a = inReview(lock(reference, officer), officer);
            if (!Application.IN_REVIEW.equals(a.state())) {
                throw ApplicationRefused.conflict("applications_transition_not_allowed");
            }
            List<String> obstacles = forms.action(form.decisionOrDefault().action())
                    .map(action -> action.obstacles(submitted(a, decision))).orElse(List.of());
            if (!obstacles.isEmpty()) {
                throw ApplicationRefused.conflict("applications_obstacles");
            }
            Map<String, String> facts = forms.action(form.decisionOrDefault().action())
                    .map(action -> action.apply(submitted(a, decision), officer)).orElse(Map.of());
            Map<String, String> stored = new LinkedHashMap<>(decision);
            facts.forEach((k, v) -> stored.put(FACT + k, v));
            store.saveDecision(a.id(), stored);
            return lifecycle.move(a, Application.APPROVED, "officer", officer.login(), null, Map.of());
        });
        issueDocument(reference);
        return new Approval(store.find(approved.reference()).orElseThrow(), List.of(), Map.of());
    }

    /** At submission, for {@code automatic} forms: the action runs at once; its refusal rejects with the reason. */
    Application decideAutomatically(Application a, FormDefinition form) {
        Actor system = new SystemActor(a.agencyCode());
        Optional<ApprovalAction> action = forms.action(form.decisionOrDefault().action());
        try {
            Map<String, String> facts = nested.execute(status -> action.map(x -> x.apply(submitted(a, Map.of()), system))
                    .orElse(Map.of()));
            Map<String, String> stored = new LinkedHashMap<>();
            facts.forEach((k, v) -> stored.put(FACT + k, v));
            store.saveDecision(a.id(), stored);
            return lifecycle.move(a, Application.APPROVED, "system", SystemActor.LOGIN, null, Map.of());
        } catch (ProblemException e) {
            String reason = messages.getMessage(e.messageKey(), e.args(), e.getMessage(), Locale.forLanguageTag(a.language()));
            return lifecycle.move(a, Application.REJECTED, "system", SystemActor.LOGIN, reason, Map.of());
        }
    }

    /**
     * Issues the form's document for an approved application (idempotent in the documents module on type and
     * reference) and moves it to "document issued". A failure leaves it approved, with a note, to be issued again.
     */
    public void issueDocument(String reference) {
        Application a = store.find(reference).orElseThrow();
        if (!Application.APPROVED.equals(a.state())) {
            return;
        }
        FormDefinition form = form(a);
        var spec = form.decisionOrDefault().document();
        if (spec == null) {
            return;
        }
        try {
            transaction.execute(status -> {
                Application locked = store.lockById(a.id()).orElseThrow();
                if (!Application.APPROVED.equals(locked.state())) {
                    return null;
                }
                IssuedDocument doc = documents.issue(new NewDocument(spec.type(), locked.agencyCode(), locked.applicant(),
                        spec.title().mn(), spec.title().en(), lines(form, locked), "en".equals(locked.language()), locked.reference()));
                store.documentIssued(locked.id(), doc.id());
                lifecycle.move(store.find(reference).orElseThrow(), Application.DOCUMENT_ISSUED, "system", SystemActor.LOGIN,
                        doc.shortCode(), Map.of("code", doc.shortCode()));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Document for {} not issued yet: {}", reference, e.toString());
            transaction.execute(status -> {
                lifecycle.note(a, "system", SystemActor.LOGIN, "document-pending");
                return null;
            });
        }
    }

    /** The document's lines: the chosen answers with their labels, the decision fields, then the action's facts. */
    List<NewDocument.Line> lines(FormDefinition form, Application a) {
        List<NewDocument.Line> lines = new ArrayList<>();
        var spec = form.decisionOrDefault().document();
        for (String id : spec.answers()) {
            form.question(id).ifPresent(q -> lines.add(new NewDocument.Line(q.label().mn(), q.label().en(),
                    shown(q, a.answers().get(id)))));
        }
        for (Question q : form.decisionOrDefault().fields()) {
            String v = a.decision().get(q.id());
            if (v != null && !v.isEmpty()) {
                lines.add(new NewDocument.Line(q.label().mn(), q.label().en(), shown(q, v)));
            }
        }
        a.decision().forEach((k, v) -> {
            if (k.startsWith(FACT)) {
                lines.add(new NewDocument.Line(label(form, k, Locale.forLanguageTag("mn")), label(form, k, Locale.ENGLISH), v));
            }
        });
        return lines;
    }

    /** The decision as people read it: the officer's decision fields and the action's facts, each under its label. */
    public Map<String, String> labelled(FormDefinition form, Application a, Locale locale) {
        Map<String, String> labelled = new LinkedHashMap<>();
        a.decision().forEach((key, value) -> labelled.put(label(form, key, locale), value));
        return labelled;
    }

    /** An action's fact ({@code fact:} + message key) or a decision field's id, as its label in this language. */
    private String label(FormDefinition form, String key, Locale locale) {
        if (key.startsWith(FACT)) {
            String message = key.substring(FACT.length());
            return messages.getMessage(message, null, message, locale);
        }
        return form.decisionOrDefault().fields().stream().filter(q -> q.id().equals(key)).findFirst()
                .map(q -> q.label().in(locale)).orElse(key);
    }

    private static String shown(Question q, String value) {
        if (value == null) {
            return "";
        }
        for (var o : q.options()) {
            if (o.value().equals(value)) {
                return o.label().mn();
            }
        }
        return value;
    }

    public Submitted submitted(Application a, Map<String, String> decision) {
        Map<String, String> answers = CitizenJourney.answersOnly(a.answers());
        decision.forEach((k, v) -> answers.put("decision." + k, v));
        return new Submitted(a.reference(), a.serviceCode(), a.agencyCode(), a.applicant(), a.applicantAccount(), answers);
    }

    private Application lock(String reference, Actor officer) {
        return store.lockById(forOfficer(reference, officer).id()).orElseThrow();
    }

    /** An officer acting on a submitted application claims it first. */
    private Application inReview(Application a, Actor officer) {
        if (Application.SUBMITTED.equals(a.state())) {
            Application moved = lifecycle.move(a, Application.IN_REVIEW, "officer", officer.login(), null, Map.of());
            if (moved.assignedTo() == null) {
                store.assign(moved.id(), officer.login());
            }
            return store.find(a.reference()).orElseThrow();
        }
        return a;
    }

    private static String required(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 2000) {
            throw ApplicationRefused.invalid("applications_message_required");
        }
        return t;
    }

    /** Whether a form's service charges a fee (shown on pages). */
    public Optional<PublicService> service(Application a) {
        return forms.service(form(a));
    }
}
