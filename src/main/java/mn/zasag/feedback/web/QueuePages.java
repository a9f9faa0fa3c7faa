package mn.zasag.feedback.web;

import mn.zasag.catalog.Agencies;
import mn.zasag.feedback.CaseStatus;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.feedback.NotCaseAgency;
import mn.zasag.feedback.TooManyCases;
import mn.zasag.feedback.TransitionNotAllowed;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.Categories;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.LocalOffices;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The staff's side: an agency's queue and its officers' steps on a case; the centre's operator console
 * (calls and walk-ins, re-routing, redaction before publication); supervisors' appeals. A refused step
 * comes back to the case page with its reason.
 */
@Controller
class QueuePages {

    private static final List<String> WORKING = CaseStatus.OPEN.stream().map(Enum::name).toList();

    private final FeedbackCases cases;
    private final CaseStore store;
    private final Categories categories;
    private final Divisions divisions;
    private final Agencies agencies;
    private final Clock clock;
    private final LocalOffices offices;

    QueuePages(FeedbackCases cases, CaseStore store, Categories categories, Divisions divisions, Agencies agencies,
               LocalOffices offices, Clock clock) {
        this.offices = offices;
        this.cases = cases;
        this.store = store;
        this.categories = categories;
        this.divisions = divisions;
        this.agencies = agencies;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @GetMapping("/feedback/queue")
    String queue(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "open") String show, Model model,
                 Locale locale) {
        List<String> statuses = "all".equals(show) ? Arrays.stream(CaseStatus.values()).map(Enum::name).toList() : WORKING;
        var office = offices.officeOf(me.login()).flatMap(offices::find);
        model.addAttribute("cases", office.isPresent() ? store.ofOffice(office.get().code(), statuses, 200)
                : store.ofAgency(me.agencyCode(), statuses, 200));
        model.addAttribute("office", office.map(o -> o.name(locale)).orElse(null));
        model.addAttribute("show", show);
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "feedback/queue";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @GetMapping("/feedback/queue/{reference}")
    String one(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        FeedbackCase c = cases.forStaff(reference, me);
        FeedbackModels.caseView(model, c, store, categories, divisions, offices, locale);
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("offices", agencies.all().stream()
                .map(a -> new FeedbackModels.Group(a.code(), a.code(), offices.ofAgency(a.code()).stream()
                        .map(o -> new FeedbackModels.Option(o.code(), o.name(locale))).toList()))
                .filter(g -> !g.members().isEmpty()).toList());
        model.addAttribute("mine", c.agencyCode().equals(me.agencyCode()) && cases.officeAllows(me, c));
        model.addAttribute("centre", FeedbackCases.CENTRE.equals(me.agencyCode()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "feedback/staff-case";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @GetMapping("/feedback/queue/{reference}/files/{id}")
    org.springframework.http.ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor me, @PathVariable String reference,
                                                         @PathVariable long id) {
        return FeedbackPages.download(cases.fileForStaff(reference, id, me));
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @PostMapping("/feedback/queue/{reference}/{action}")
    String act(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String action,
               @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "0") int days,
               @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String office,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "assign" -> cases.assign(reference, me);
                case "ask" -> cases.askForInformation(reference, text, me);
                case "extend" -> cases.extend(reference, days, text, me);
                case "answer" -> cases.answer(reference, text, me);
                case "close" -> cases.close(reference, me);
                case "reject" -> cases.reject(reference, text, me);
                case "reroute" -> cases.reroute(reference, agency, office, text, me);
                default -> throw new mn.zasag.feedback.CaseNotFound();
            }
            redirect.addFlashAttribute("done", "feedback.staff.done." + action);
            if ("reroute".equals(action) && !canSee(reference, me)) {
                return "redirect:/feedback/queue";
            }
        } catch (FeedbackRefused | TransitionNotAllowed | NotCaseAgency e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/queue/" + reference;
    }

    private boolean canSee(String reference, Actor me) {
        try {
            cases.forStaff(reference, me);
            return true;
        } catch (mn.zasag.feedback.CaseNotFound e) {
            return false;
        }
    }

    // ------------------------------------------------------------ operator console (CITA)

    @PreAuthorize("hasAuthority('FEEDBACK_OPERATE')")
    @GetMapping("/feedback/operator")
    String console(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        centreOnly(me);
        model.addAttribute("form", FeedbackModels.CaseForm.empty());
        return consolePage(model, locale);
    }

    @PreAuthorize("hasAuthority('FEEDBACK_OPERATE')")
    @PostMapping("/feedback/operator")
    String record(@AuthenticationPrincipal Actor me, @ModelAttribute("form") FeedbackModels.CaseForm form,
                  BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        centreOnly(me);
        IntakeChannel channel = "WALK_IN".equals(form.channel()) ? IntakeChannel.WALK_IN : IntakeChannel.PHONE;
        try {
            FeedbackCase c = cases.file(new NewCase(FeedbackModels.kind(form.kind()), form.category(), form.place(), null,
                    null, form.text(), form.contactName(), form.contactPhone(), form.contactEmail(), null, channel,
                    locale.getLanguage(), form.published(), null, null), me.login());
            redirect.addFlashAttribute("reference", c.reference());
            return "redirect:/feedback/operator";
        } catch (FeedbackRefused e) {
            FeedbackModels.reject(errors, e);
        } catch (TooManyCases e) {
            errors.rejectValue("text", e.messageKey());
        }
        return consolePage(model, locale);
    }

    @PreAuthorize("hasAuthority('FEEDBACK_OPERATE')")
    @PostMapping("/feedback/operator/{reference}/redact")
    String redact(@AuthenticationPrincipal Actor me, @PathVariable String reference,
                  @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        centreOnly(me);
        try {
            cases.redact(reference, text, me);
            redirect.addFlashAttribute("done", "feedback.staff.done.redact");
        } catch (FeedbackRefused e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/queue/" + reference;
    }

    private String consolePage(Model model, Locale locale) {
        FeedbackModels.choices(model, categories, divisions, locale);
        model.addAttribute("cases", store.latest(50));
        return "feedback/operator";
    }

    private static void centreOnly(Actor me) {
        if (!FeedbackCases.CENTRE.equals(me.agencyCode())) {
            throw new NotCaseAgency();
        }
    }

    // ------------------------------------------------------------ appeals

    @PreAuthorize("hasAuthority('FEEDBACK_SUPERVISE')")
    @GetMapping("/feedback/appeals")
    String appeals(@AuthenticationPrincipal Actor me, Model model) {
        List<String> appealed = List.of(CaseStatus.APPEALED.name());
        model.addAttribute("cases", FeedbackCases.CENTRE.equals(me.agencyCode())
                ? store.inStatuses(appealed, 200) : store.ofAgency(me.agencyCode(), appealed, 200));
        return "feedback/appeals";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_SUPERVISE')")
    @PostMapping("/feedback/appeals/{reference}")
    String decide(@AuthenticationPrincipal Actor me, @PathVariable String reference,
                  @RequestParam(defaultValue = "false") boolean upheld, @RequestParam(defaultValue = "") String text,
                  RedirectAttributes redirect) {
        try {
            cases.decideAppeal(reference, upheld, text, me);
            redirect.addFlashAttribute("done", "feedback.staff.done.appeal");
        } catch (FeedbackRefused | TransitionNotAllowed | NotCaseAgency e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/appeals";
    }
}
