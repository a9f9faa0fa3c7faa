package mn.zasag.applications.web;

import mn.zasag.applications.internal.AnswerError;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationNotFound;
import mn.zasag.applications.internal.ApplicationRefused;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.applications.internal.Decisions;
import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.applications.internal.HistoryEntry;
import mn.zasag.applications.internal.WorkingDays;
import mn.zasag.catalog.PublicService;
import mn.zasag.catalog.Services;
import mn.zasag.documents.Documents;
import mn.zasag.identity.Accounts;
import mn.zasag.shared.Actor;
import mn.zasag.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The officers' back office: the agency's queue (filter by state and service, sort, days left against the legal
 * time to decide), one application with its answers, attachments and history, and the decisions.
 */
@Controller
class OfficePages {

    static final List<String> STATES = List.of("submitted", "awaiting_payment", "in_review", "info_requested", "approved",
            "rejected", "document_issued", "withdrawn");

    private final Decisions decisions;
    private final ApplicationStore store;
    private final Services services;
    private final Accounts accounts;
    private final Documents documents;
    private final Views views;
    private final MessageSource messages;
    private final Clock clock;

    OfficePages(Decisions decisions, ApplicationStore store, Services services, Accounts accounts, Documents documents,
                Views views, MessageSource messages, Clock clock) {
        this.decisions = decisions;
        this.store = store;
        this.services = services;
        this.accounts = accounts;
        this.documents = documents;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    record QueueRow(String reference, String service, String serviceName, String state, String stateName, String submitted,
                    String due, long daysLeft, String sla, String assignedTo) {
    }

    record HistoryView(String at, String actor, String stateName, String message, boolean change) {
    }

    static List<HistoryView> history(List<HistoryEntry> entries, Views views, Locale locale) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return entries.stream().map(h -> new HistoryView(h.at().format(f), h.actor(), views.state(h.toState(), locale),
                h.message(), h.fromState() == null || !h.fromState().equals(h.toState()))).toList();
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @GetMapping("/office/applications")
    String queue(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String state,
                 @RequestParam(defaultValue = "") String service, @RequestParam(defaultValue = "oldest") String sort,
                 Model model, Locale locale) {
        String agency = me.agencyCode() == null ? "" : me.agencyCode();
        String st = STATES.contains(state) ? state : "";
        List<QueueRow> rows = new ArrayList<>();
        Map<String, PublicService> byCode = new LinkedHashMap<>();
        for (PublicService s : services.online()) {
            if (s.agencyCode().equals(agency)) {
                byCode.put(s.code(), s);
            }
        }
        for (Application a : store.queue(agency, st, byCode.containsKey(service) ? service : "", sort)) {
            rows.add(row(a, Optional.ofNullable(byCode.get(a.serviceCode())).or(() -> services.find(a.serviceCode())), locale));
        }
        if ("due".equals(sort)) {
            rows.sort(java.util.Comparator.comparingLong(QueueRow::daysLeft));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("states", STATES.stream().map(s -> Map.of("value", s, "label", views.state(s, locale))).toList());
        model.addAttribute("services", byCode.values().stream().map(s -> Map.of("value", s.code(), "label", s.name(locale))).toList());
        model.addAttribute("state", st);
        model.addAttribute("service", service);
        model.addAttribute("sort", sort);
        return "applications/queue";
    }

    private QueueRow row(Application a, Optional<PublicService> service, Locale locale) {
        LocalDate submitted = a.submittedAt() == null ? LocalDate.now(clock) : a.submittedAt().toLocalDate();
        int days = service.map(PublicService::daysToDecide).orElse(0);
        LocalDate due = WorkingDays.add(submitted, days);
        long left = WorkingDays.between(LocalDate.now(clock), due);
        String sla = a.decided() || Application.WITHDRAWN.equals(a.state()) ? "done" : left < 0 ? "overdue" : left <= 2 ? "soon" : "ok";
        return new QueueRow(a.reference(), a.serviceCode(), service.map(s -> s.name(locale)).orElse(a.serviceCode()), a.state(),
                views.state(a.state(), locale), submitted.toString(), due.toString(), left, sla, a.assignedTo());
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @GetMapping("/office/applications/{reference}")
    String one(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        Application a = decisions.forOfficer(reference, me);
        return show(me, a, Map.of(), List.of(), model, locale);
    }

    private String show(Actor me, Application a, Map<String, String> posted, List<AnswerError> errors, Model model, Locale locale) {
        FormDefinition form = decisions.form(a);
        Optional<PublicService> service = services.find(a.serviceCode());
        model.addAttribute("app", a);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("row", row(a, service, locale));
        model.addAttribute("rows", views.rows(form, a, locale));
        model.addAttribute("history", history(store.history(a.id()), views, locale));
        model.addAttribute("attachments", store.attachments(a.id()));
        model.addAttribute("attachmentBase", "/office/applications/" + a.reference() + "/attachments/");
        boolean open = Application.SUBMITTED.equals(a.state()) || Application.IN_REVIEW.equals(a.state());
        model.addAttribute("open", open);
        model.addAttribute("canReject", open || Application.INFO_REQUESTED.equals(a.state()));
        model.addAttribute("obstacles", open ? decisions.obstacles(a).stream()
                .map(o -> messages.getMessage(o, null, o, locale)).toList() : List.of());
        model.addAttribute("fields", views.questions(form, null, form.decisionOrDefault().fields(), posted, errors, locale));
        model.addAttribute("errors", views.errorLinks(errors, form, locale));
        model.addAttribute("colleagues", accounts.staff(me.agencyCode()).stream().filter(s -> s.enabled())
                .map(s -> s.login()).toList());
        model.addAttribute("documents", documents.fromSource(a.reference()));
        model.addAttribute("decisionFacts", decisions.labelled(form, a, locale));
        model.addAttribute("documentPending", Application.APPROVED.equals(a.state()) && form.decisionOrDefault().document() != null);
        return "applications/office";
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @PostMapping("/office/applications/{reference}/{action}")
    String act(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String action,
               @RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "claim" -> decisions.claim(reference, me);
                case "assign" -> decisions.assign(reference, me, params.getOrDefault("to", ""));
                case "request-info" -> decisions.requestInformation(reference, me, params.get("message"));
                case "reject" -> decisions.reject(reference, me, params.get("reasons"));
                case "issue" -> {
                    decisions.forOfficer(reference, me);
                    decisions.issueDocument(reference);
                }
                case "approve" -> {
                    Map<String, String> inputs = new LinkedHashMap<>();
                    FormDefinition form = decisions.form(decisions.forOfficer(reference, me));
                    for (var q : form.decisionOrDefault().fields()) {
                        if (q.isDate()) {
                            inputs.put(q.id(), params.getOrDefault(q.id() + "-day", "") + "/" + params.getOrDefault(q.id() + "-month", "")
                                    + "/" + params.getOrDefault(q.id() + "-year", ""));
                        } else {
                            inputs.put(q.id(), params.getOrDefault(q.id(), ""));
                        }
                    }
                    Decisions.Approval approval = decisions.approve(reference, me, inputs);
                    if (!approval.errors().isEmpty()) {
                        return show(me, approval.application(), approval.values(), approval.errors(), model, locale);
                    }
                }
                default -> {
                    return "redirect:/office/applications/" + reference;
                }
            }
            redirect.addFlashAttribute("done", "applications.office.done." + action);
        } catch (ApplicationRefused e) {
            redirect.addFlashAttribute("notice", "applications.notice." + e.code());
        } catch (ApplicationNotFound e) {
            throw e;
        } catch (ProblemException e) {
            // the approval action refused: nothing was changed
            redirect.addFlashAttribute("noticeText", messages.getMessage(e.messageKey(), e.args(), e.getMessage(), locale));
        }
        return "redirect:/office/applications/" + reference;
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @GetMapping("/office/applications/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String id) {
        return MyApplicationsPages.download(store, decisions.forOfficer(reference, me), id);
    }
}
