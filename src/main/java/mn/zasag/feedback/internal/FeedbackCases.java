package mn.zasag.feedback.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.Attachment;
import mn.zasag.feedback.CaseEvent;
import mn.zasag.feedback.CaseNotFound;
import mn.zasag.feedback.CaseStatus;
import mn.zasag.feedback.Category;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.feedback.NotCaseAgency;
import mn.zasag.feedback.TransitionNotAllowed;
import mn.zasag.notifications.Recipient;
import mn.zasag.notifications.RecipientInvalid;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.Actor;
import mn.zasag.shared.MobileNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The centre's use cases: filing a case from any channel (routed at once to its category's agency),
 * and every later step, each checked against the lifecycle in {@link CaseEvent}, stored as history and
 * audited in one transaction.
 */
@Service
public class FeedbackCases {

    /** The agency that runs the 11-11 centre: its staff re-route cases and receive escalations. */
    public static final String CENTRE = "CITA";
    public static final int MAX_TEXT = 4000;
    public static final Duration ANSWER_WITHIN = Duration.ofDays(30);
    public static final int MAX_EXTENSION_DAYS = 30;
    /** A rating this low or lower opens an appeal. */
    public static final int POOR_RATING = 2;
    private static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyMM");

    private final CaseStore store;
    private final Categories categories;
    private final Divisions divisions;
    private final Agencies agencies;
    private final AuditTrail audit;
    private final Replies replies;
    private final FloodGuard floods;
    private final LocalOffices offices;
    private final Clock clock;

    FeedbackCases(CaseStore store, Categories categories, Divisions divisions, Agencies agencies, AuditTrail audit,
                  Replies replies, FloodGuard floods, LocalOffices offices, Clock clock) {
        this.offices = offices;
        this.store = store;
        this.categories = categories;
        this.divisions = divisions;
        this.agencies = agencies;
        this.audit = audit;
        this.replies = replies;
        this.floods = floods;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ intake

    /**
     * Files a case and routes it to its category's agency. The same {@code sourceKey} files nothing new
     * and gives the case filed before.
     */
    @Transactional
    public FeedbackCase file(NewCase request, String actor) {
        return file(request, actor, java.util.List.of());
    }

    /**
     * Files a case with the files that came with it: those of an allowed type and size are kept (at most
     * {@link Attachment#MAX_PER_CASE}); the others are named in the case's first history entry.
     */
    @Transactional
    public FeedbackCase file(NewCase request, String actor, java.util.List<Attachment> attachments) {
        return file(request, actor, attachments, false);
    }

    /**
     * Files a case; with {@code refuseBadFiles} (the web form) a file of the wrong type or size, or one too
     * many, refuses the whole case with {@code feedback_attachment_type}, {@code feedback_attachment_size}
     * or {@code feedback_attachment_count} (field {@code attachments}) so the citizen can correct it.
     */
    @Transactional
    public FeedbackCase file(NewCase request, String actor, java.util.List<Attachment> attachments, boolean refuseBadFiles) {
        if (refuseBadFiles) {
            checkFiles(attachments);
        }
        if (request.sourceKey() != null) {
            Optional<FeedbackCase> earlier = store.bySource(request.sourceKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        NewCase c = checked(request);
        Category category = categories.find(c.category()).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c.floodKey() != null) {
            floods.count(c.floodKey(), now);
        }
        String reference = "11-" + now.atZoneSameInstant(MONGOLIA).format(MONTH) + "-"
                + String.format("%06d", store.nextNumber());
        String office = offices.route(category, c.divisionCode()).map(mn.zasag.feedback.LocalOffice::code).orElse(null);
        long id = store.insert(reference, c, category.agencyCode(), office, CaseStatus.RECEIVED, now, now.plus(ANSWER_WITHIN));
        if (c.publish()) {
            store.update(id, "public_text = :p", Map.of("p", Redaction.redact(c.text())));
        }
        StringBuilder note = new StringBuilder(c.channel().name());
        int kept = 0;
        for (Attachment a : attachments) {
            String refusal = a.refusal();
            if (refusal == null && kept >= Attachment.MAX_PER_CASE) {
                refusal = "feedback_attachment_count";
            }
            if (refusal == null) {
                store.attach(id, a);
                kept++;
            } else {
                note.append("; ").append(refusal).append(": ").append(a.fileName());
            }
        }
        store.history(id, now, CaseEvent.FILED, null, CaseStatus.RECEIVED, actor, null, null, note.toString());
        audit.record(AuditEvent.success("feedback.case.filed", "feedback_case", reference).withActorLogin(actor)
                .withDetails(Map.of("channel", c.channel().name(), "category", c.category(), "kind", c.kind().name())));
        FeedbackCase filed = store.find(reference).orElseThrow();
        FeedbackCase routed = move(filed, CaseEvent.ROUTED, "system", category.agencyCode(), office, null, "", Map.of());
        replies.received(routed);
        return routed;
    }

    /** Refuses a set of files the web form brought when one of them may not be kept, or there are too many. */
    public static void checkFiles(java.util.List<Attachment> attachments) {
        if (attachments.size() > Attachment.MAX_PER_CASE) {
            throw new FeedbackRefused("feedback_attachment_count", "attachments");
        }
        for (Attachment a : attachments) {
            String refusal = a.refusal();
            if (refusal != null) {
                throw new FeedbackRefused(refusal, "attachments", a.storedName());
            }
        }
    }

    private NewCase checked(NewCase c) {
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty()) {
            throw new FeedbackRefused("feedback_text_empty", "text");
        }
        if (text.length() > MAX_TEXT) {
            throw new FeedbackRefused("feedback_text_too_long", "text");
        }
        if (c.kind() == null) {
            throw new FeedbackRefused("feedback_kind_unknown", "kind");
        }
        if (categories.find(c.category()).isEmpty()) {
            throw new FeedbackRefused("feedback_category_unknown", "category");
        }
        String division = blankToNull(c.divisionCode());
        if (division != null && divisions.find(division).isEmpty()) {
            throw new FeedbackRefused("feedback_division_unknown", "divisionCode");
        }
        if ((c.latitude() == null) != (c.longitude() == null)
                || c.latitude() != null && (Math.abs(c.latitude()) > 90 || Math.abs(c.longitude()) > 180)) {
            throw new FeedbackRefused("feedback_location_invalid", "latitude");
        }
        String phone = blankToNull(c.contactPhone());
        if (phone != null) {
            phone = MobileNumber.normalize(phone).orElseThrow(() -> new FeedbackRefused("feedback_phone_invalid", "contactPhone"));
        }
        String email = blankToNull(c.contactEmail());
        if (email != null) {
            try {
                email = Recipient.email(email).checkedEmail();
            } catch (RecipientInvalid e) {
                throw new FeedbackRefused("feedback_email_invalid", "contactEmail");
            }
        }
        // a kiosk suggestion may be anonymous; an SMS from abroad has no number we can answer
        boolean contactOptional = c.channel() == IntakeChannel.KIOSK || c.channel() == IntakeChannel.SMS
                || c.channel() == IntakeChannel.EMAIL
                || c.citizenLogin() != null;
        if (phone == null && email == null && !contactOptional) {
            throw new FeedbackRefused("feedback_contact_missing", "contactPhone");
        }
        String name = blankToNull(c.contactName());
        if (name != null && name.length() > 200) {
            throw new FeedbackRefused("feedback_name_too_long", "contactName");
        }
        String language = "en".equals(c.language()) ? "en" : "mn";
        return new NewCase(c.kind(), c.category(), division, c.latitude(), c.longitude(), text, name, phone, email,
                c.citizenLogin(), c.channel(), language, c.publish(), c.sourceKey(), c.floodKey());
    }

    // ------------------------------------------------------------------ reading

    public boolean alreadyFiled(String sourceKey) {
        return store.bySource(sourceKey).isPresent();
    }

    public FeedbackCase get(String reference) {
        return store.find(reference == null ? "" : reference.strip()).orElseThrow(CaseNotFound::new);
    }

    /** A case for its citizen: by their login, or by the contact it was filed with (or none, when it has none). */
    public FeedbackCase forCitizen(String reference, String contact, String login) {
        FeedbackCase c = store.find(reference == null ? "" : reference.strip().toUpperCase()).orElseThrow(CaseNotFound::new);
        boolean own = login != null && login.equals(c.citizenLogin());
        boolean noContact = c.citizenLogin() == null && c.contactPhone() == null && c.contactEmail() == null;
        if (own || c.hasContact(contact) || noContact) {
            return c;
        }
        throw new CaseNotFound();
    }

    /** A case for staff: an officer sees their agency's cases; the centre's staff see all. */
    public FeedbackCase forStaff(String reference, Actor actor) {
        FeedbackCase c = get(reference);
        if (!CENTRE.equals(actor.agencyCode()) && !(c.agencyCode().equals(actor.agencyCode()) && officeAllows(actor, c))) {
            throw new CaseNotFound();
        }
        return c;
    }

    /**
     * Whether the officer's office lets them at the case: officers of a local office handle only its
     * cases; officers with no office (the national level) handle all of their agency's.
     */
    public boolean officeAllows(Actor actor, FeedbackCase c) {
        return offices.officeOf(actor.login()).map(o -> o.equals(c.officeCode())).orElse(true);
    }

    // ------------------------------------------------------------------ files

    /**
     * A file of a case for staff who may see the case (its agency's officers, within their office, and the
     * centre's). Anyone else gets {@link CaseNotFound}, as for a case that does not exist, and the attempt
     * is audited as {@code DENIED}. Not transactional, so the denial's entry stays.
     */
    public Attachment fileForStaff(String reference, long fileId, Actor actor) {
        FeedbackCase c;
        try {
            c = forStaff(reference, actor);
        } catch (CaseNotFound e) {
            throw deniedFile(reference, fileId, actor.login());
        }
        return file(c, fileId, actor.login());
    }

    /** A file of a case for the citizen who filed it (by their login, or the contact they filed it with). */
    public Attachment fileForCitizen(String reference, String contact, String login, long fileId) {
        FeedbackCase c;
        try {
            c = forCitizen(reference, contact, login);
        } catch (CaseNotFound e) {
            throw deniedFile(reference, fileId, login);
        }
        if (c.citizenLogin() == null && c.contactPhone() == null && c.contactEmail() == null) {
            // a case filed anonymously at the kiosk can be tracked by anyone who has the reference: not its files
            throw deniedFile(reference, fileId, login);
        }
        return file(c, fileId, login != null ? login : "citizen");
    }

    private Attachment file(FeedbackCase c, long fileId, String actor) {
        Attachment a = store.attachment(c.id(), fileId).orElseThrow(() -> deniedFile(c.reference(), fileId, actor));
        audit.record(AuditEvent.success("feedback.attachment.downloaded", "feedback_case", c.reference())
                .withActorLogin(actor).withDetails(Map.of("file", String.valueOf(fileId))));
        return a;
    }

    private CaseNotFound deniedFile(String reference, long fileId, String actor) {
        String ref = reference == null ? "" : reference.strip();
        audit.record(new AuditEvent("feedback.attachment.downloaded", AuditEvent.Outcome.DENIED, "feedback_case",
                ref.length() > 40 ? ref.substring(0, 40) : ref, null, Map.of("file", String.valueOf(fileId)))
                .withActorLogin(actor));
        return new CaseNotFound();
    }

    // ------------------------------------------------------------------ agency steps

    @Transactional
    public FeedbackCase assign(String reference, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        return move(c, CaseEvent.ASSIGNED, officer.login(), c.agencyCode(), null, "assigned_to = :who",
                Map.of("who", officer.login()));
    }

    @Transactional
    public FeedbackCase askForInformation(String reference, String question, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        String q = required(question, "question");
        FeedbackCase moved = move(c, CaseEvent.INFO_REQUESTED, officer.login(), c.agencyCode(), q, "", Map.of());
        replies.needsInfo(moved, q, store.historyOf(c.id()).size());
        return moved;
    }

    @Transactional
    public FeedbackCase extend(String reference, int days, String reason, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        String r = required(reason, "reason");
        if (c.extended()) {
            throw new FeedbackRefused("feedback_extension_used", "reason");
        }
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new FeedbackRefused("feedback_extension_too_long", "days");
        }
        FeedbackCase moved = move(c, CaseEvent.EXTENDED, officer.login(), c.agencyCode(), r + " (+" + days + ")",
                "extension_reason = :reason, due_at = :due, warned_at = null",
                Map.of("reason", r, "due", c.dueAt().plusDays(days)));
        replies.extended(moved, moved.dueAt().atZoneSameInstant(MONGOLIA).toLocalDate(), r, store.historyOf(c.id()).size());
        return moved;
    }

    @Transactional
    public FeedbackCase answer(String reference, String answer, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        String a = required(answer, "answer");
        if (a.length() > MAX_TEXT) {
            throw new FeedbackRefused("feedback_text_too_long", "answer");
        }
        FeedbackCase moved = move(c, CaseEvent.ANSWERED, officer.login(), c.agencyCode(), a,
                "answer = :answer, answered_at = :at, rating = null",
                Map.of("answer", a, "at", OffsetDateTime.now(clock)));
        replies.answered(moved, a, store.historyOf(c.id()).size());
        return moved;
    }

    @Transactional
    public FeedbackCase close(String reference, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        FeedbackCase moved = move(c, CaseEvent.CLOSED, officer.login(), c.agencyCode(), null, "", Map.of());
        replies.closed(moved, store.historyOf(c.id()).size());
        return moved;
    }

    @Transactional
    public FeedbackCase reject(String reference, String reason, Actor officer) {
        FeedbackCase c = ownCase(reference, officer);
        String r = required(reason, "reason");
        FeedbackCase moved = move(c, CaseEvent.REJECTED, officer.login(), c.agencyCode(), r, "", Map.of());
        replies.rejected(moved, r, store.historyOf(c.id()).size());
        return moved;
    }

    /** To another agency's national level, with a reason: by the centre's operators, or by the agency that has it. */
    @Transactional
    public FeedbackCase reroute(String reference, String agency, String reason, Actor actor) {
        return reroute(reference, agency, null, reason, actor);
    }

    /**
     * To another agency, or to one of its local offices ({@code office}, or null for its national level),
     * with a reason: by the centre's operators, or by the agency (the office) that has it. The history keeps
     * where the case was and where it went; the citizen is told.
     */
    @Transactional
    public FeedbackCase reroute(String reference, String agency, String office, String reason, Actor actor) {
        FeedbackCase c = locked(reference);
        if (!CENTRE.equals(actor.agencyCode()) && !(c.agencyCode().equals(actor.agencyCode()) && officeAllows(actor, c))) {
            throw new NotCaseAgency();
        }
        String r = required(reason, "reason");
        String to = blankToNull(agency);
        if (to == null || agencies.find(to).isEmpty()) {
            throw new FeedbackRefused("feedback_agency_unknown", "agency");
        }
        String toOffice = blankToNull(office);
        if (toOffice != null && offices.find(toOffice).filter(o -> o.agencyCode().equals(to)).isEmpty()) {
            throw new FeedbackRefused("feedback_office_unknown", "office");
        }
        if (to.equals(c.agencyCode()) && java.util.Objects.equals(toOffice, c.officeCode())) {
            throw new FeedbackRefused("feedback_reroute_same", "agency");
        }
        String from = c.agencyCode() + (c.officeCode() == null ? "" : "/" + c.officeCode());
        FeedbackCase moved = move(c, CaseEvent.REROUTED, actor.login(), to, toOffice, r + " (" + from + " →)",
                "agency_code = :agency, office_code = :office, assigned_to = null", mapOf("agency", to, "office", toOffice));
        String organisation = toOffice != null
                ? offices.find(toOffice).map(o -> o.name(java.util.Locale.forLanguageTag(moved.language()))).orElse(toOffice)
                : agencies.find(to).map(a -> "en".equals(moved.language()) ? a.nameEn() : a.nameMn()).orElse(to);
        replies.rerouted(moved, organisation, store.historyOf(c.id()).size());
        return moved;
    }

    /** The centre's operators set the text the public sees (names and numbers redacted), or unpublish. */
    @Transactional
    public FeedbackCase redact(String reference, String publicText, Actor operator) {
        FeedbackCase c = locked(reference);
        if (!CENTRE.equals(operator.agencyCode())) {
            throw new NotCaseAgency();
        }
        String text = blankToNull(publicText);
        if (text != null && text.length() > MAX_TEXT) {
            throw new FeedbackRefused("feedback_text_too_long", "publicText");
        }
        store.update(c.id(), "public_text = :p, updated_at = :at", mapOf("p", text, "at", OffsetDateTime.now(clock)));
        audit.record(AuditEvent.success("feedback.case.redacted", "feedback_case", c.reference()));
        return get(reference);
    }

    // ------------------------------------------------------------------ the citizen's loop

    /** The citizen answers a question from the agency. */
    @Transactional
    public FeedbackCase giveInformation(FeedbackCase access, String text, String actor) {
        FeedbackCase c = locked(access.reference());
        String info = required(text, "info");
        if (info.length() > MAX_TEXT) {
            throw new FeedbackRefused("feedback_text_too_long", "info");
        }
        return move(c, CaseEvent.INFO_GIVEN, actor, c.agencyCode(), info, "", Map.of());
    }

    /** Rates the answer (1 poor … 5 good); a poor rating opens an appeal for a supervisor. */
    @Transactional
    public FeedbackCase rate(FeedbackCase access, int rating, String comment, String actor) {
        FeedbackCase c = locked(access.reference());
        if (rating < 1 || rating > 5) {
            throw new FeedbackRefused("feedback_rating_invalid", "rating");
        }
        String note = blankToNull(comment);
        if (note != null && note.length() > MAX_TEXT) {
            throw new FeedbackRefused("feedback_text_too_long", "comment");
        }
        FeedbackCase rated = move(c, CaseEvent.RATED, actor, c.agencyCode(), rating + (note == null ? "" : ": " + note),
                "rating = :rating", Map.of("rating", rating));
        if (rating > POOR_RATING) {
            return rated;
        }
        FeedbackCase appealed = move(rated, CaseEvent.APPEALED, actor, c.agencyCode(), note, "", Map.of());
        replies.appealed(appealed, store.historyOf(c.id()).size());
        return appealed;
    }

    /** A supervisor (the agency's admin, or the centre's) decides an appeal. */
    @Transactional
    public FeedbackCase decideAppeal(String reference, boolean upheld, String reason, Actor supervisor) {
        FeedbackCase c = locked(reference);
        if (!CENTRE.equals(supervisor.agencyCode()) && !c.agencyCode().equals(supervisor.agencyCode())) {
            throw new NotCaseAgency();
        }
        String r = required(reason, "reason");
        FeedbackCase moved = move(c, upheld ? CaseEvent.APPEAL_UPHELD : CaseEvent.APPEAL_DISMISSED, supervisor.login(),
                c.agencyCode(), r, upheld ? "assigned_to = null" : "", Map.of());
        replies.appealDecided(moved, upheld, r, store.historyOf(c.id()).size());
        return moved;
    }

    // ------------------------------------------------------------------ deadlines

    /**
     * Warns agencies of cases due within {@code warnBefore}, and escalates cases past their due time to
     * the agency's head and the centre. Each case is warned once (again after an extension) and escalated once.
     */
    @Transactional
    public int[] sweepDeadlines(OffsetDateTime now, Duration warnBefore) {
        int warned = 0;
        for (FeedbackCase c : store.dueBefore(now.plus(warnBefore), true, false, 500)) {
            if (c.overdue(now)) {
                continue;
            }
            move(c, CaseEvent.WARNED, "system", c.agencyCode(), c.dueAt().toString(), "warned_at = :at", Map.of("at", now), now);
            replies.dueSoon(c, c.dueAt().atZoneSameInstant(MONGOLIA).toLocalDate());
            warned++;
        }
        int escalated = 0;
        for (FeedbackCase c : store.dueBefore(now, false, true, 500)) {
            move(c, CaseEvent.ESCALATED, "system", c.agencyCode(), c.dueAt().toString(), "escalated_at = :at",
                    Map.of("at", now), now);
            replies.overdue(c, c.dueAt().atZoneSameInstant(MONGOLIA).toLocalDate());
            escalated++;
        }
        return new int[] {warned, escalated};
    }

    // ------------------------------------------------------------------ the one place a case moves

    private FeedbackCase move(FeedbackCase c, CaseEvent event, String actor, String agency, String note,
                              String extraSet, Map<String, ?> extra) {
        return move(c, event, actor, agency, c.officeCode(), note, extraSet, extra, OffsetDateTime.now(clock));
    }

    private FeedbackCase move(FeedbackCase c, CaseEvent event, String actor, String agency, String office, String note,
                              String extraSet, Map<String, ?> extra) {
        return move(c, event, actor, agency, office, note, extraSet, extra, OffsetDateTime.now(clock));
    }

    private FeedbackCase move(FeedbackCase c, CaseEvent event, String actor, String agency, String note,
                              String extraSet, Map<String, ?> extra, OffsetDateTime now) {
        return move(c, event, actor, agency, c.officeCode(), note, extraSet, extra, now);
    }

    private FeedbackCase move(FeedbackCase c, CaseEvent event, String actor, String agency, String office, String note,
                              String extraSet, Map<String, ?> extra, OffsetDateTime now) {
        CaseStatus next = event.next(c.status()).orElseThrow(() -> new TransitionNotAllowed(event, c.status()));
        Map<String, Object> params = new HashMap<>(extra);
        params.put("status", next.name());
        params.put("now", now);
        store.update(c.id(), "status = :status, updated_at = :now" + (extraSet.isEmpty() ? "" : ", " + extraSet), params);
        store.history(c.id(), now, event, c.status(), next, actor, agency, office, note);
        Map<String, String> details = new HashMap<>();
        details.put("event", event.name());
        details.put("from", c.status().name());
        details.put("to", next.name());
        details.put("agency", agency);
        if (office != null) {
            details.put("office", office);
        }
        audit.record(AuditEvent.success("feedback.case.transition", "feedback_case", c.reference())
                .withActorLogin(actor).withDetails(details));
        return store.find(c.reference()).orElseThrow();
    }

    private FeedbackCase ownCase(String reference, Actor officer) {
        FeedbackCase c = locked(reference);
        if (!c.agencyCode().equals(officer.agencyCode()) || !officeAllows(officer, c)) {
            throw new NotCaseAgency();
        }
        return c;
    }

    private FeedbackCase locked(String reference) {
        return store.lock(reference == null ? "" : reference.strip()).orElseThrow(CaseNotFound::new);
    }

    private static String required(String value, String field) {
        String v = blankToNull(value);
        if (v == null) {
            throw new FeedbackRefused("feedback_reason_required", field);
        }
        return v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
