package mn.zasag.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.feedback.CaseNotFound;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.feedback.TooManyCases;
import mn.zasag.feedback.TransitionNotAllowed;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.Categories;
import mn.zasag.feedback.internal.FeedbackCases;
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

import java.util.Locale;

/**
 * The citizen's side of the 11-11 centre: the form (anonymous with a phone or email, or logged in), the
 * confirmation with the reference, tracking a case by reference and contact (no personal data in URLs:
 * the contact is posted), one's own list, and the kiosk page of the suggestion machine.
 */
@Controller
class FeedbackPages {

    private final FeedbackCases cases;
    private final CaseStore store;
    private final Categories categories;
    private final Divisions divisions;

    FeedbackPages(FeedbackCases cases, CaseStore store, Categories categories, Divisions divisions) {
        this.cases = cases;
        this.store = store;
        this.categories = categories;
        this.divisions = divisions;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback")
    String form(Model model, Locale locale) {
        model.addAttribute("form", FeedbackModels.CaseForm.empty());
        FeedbackModels.choices(model, categories, divisions, locale);
        return "feedback/form";
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/feedback")
    String file(@AuthenticationPrincipal Actor me, @ModelAttribute("form") FeedbackModels.CaseForm form,
                BindingResult errors, Model model, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
        String login = me != null && hasAuthority("FEEDBACK_OWN") ? me.login() : null;
        return fileFrom(form, IntakeChannel.WEB, login, errors, model, locale, request, redirect, "feedback/form", "/feedback/sent");
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/sent")
    String sent(Model model) {
        return model.containsAttribute("reference") ? "feedback/sent" : "redirect:/feedback";
    }

    // ------------------------------------------------------------ kiosk

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/kiosk")
    String kiosk(Model model, Locale locale) {
        model.addAttribute("form", FeedbackModels.CaseForm.empty());
        FeedbackModels.choices(model, categories, divisions, locale);
        return "feedback/kiosk";
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/feedback/kiosk")
    String fileAtKiosk(@ModelAttribute("form") FeedbackModels.CaseForm form, BindingResult errors, Model model,
                       Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
        return fileFrom(form, IntakeChannel.KIOSK, null, errors, model, locale, request, redirect, "feedback/kiosk",
                "/feedback/kiosk/sent");
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/kiosk/sent")
    String kioskSent(Model model) {
        return model.containsAttribute("reference") ? "feedback/kiosk-sent" : "redirect:/feedback/kiosk";
    }

    private String fileFrom(FeedbackModels.CaseForm form, IntakeChannel channel, String login, BindingResult errors,
                            Model model, Locale locale, HttpServletRequest request, RedirectAttributes redirect,
                            String page, String sentPage) {
        try {
            FeedbackCase c = cases.file(new NewCase(FeedbackModels.kind(form.kind()), form.category(), form.place(), null,
                    null, form.text(), form.contactName(), form.contactPhone(), form.contactEmail(), login, channel,
                    locale.getLanguage(), form.published(), null, "ip:" + request.getRemoteAddr()), login);
            redirect.addFlashAttribute("reference", c.reference());
            return "redirect:" + sentPage;
        } catch (FeedbackRefused e) {
            FeedbackModels.reject(errors, e);
        } catch (TooManyCases e) {
            errors.rejectValue("text", e.messageKey());
        }
        FeedbackModels.choices(model, categories, divisions, locale);
        return page;
    }

    private static boolean hasAuthority(String authority) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    // ------------------------------------------------------------ tracking

    record TrackForm(String reference, String contact) {
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/track")
    String trackForm(Model model) {
        model.addAttribute("form", new TrackForm("", ""));
        return "feedback/track";
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/feedback/track")
    String track(@AuthenticationPrincipal Actor me, @ModelAttribute("form") TrackForm form, BindingResult errors,
                 Model model, Locale locale) {
        try {
            FeedbackCase c = cases.forCitizen(form.reference(), form.contact(), me == null ? null : me.login());
            FeedbackModels.caseView(model, c, store, categories, divisions, locale);
        } catch (CaseNotFound e) {
            errors.rejectValue("reference", e.messageKey());
        }
        return "feedback/track";
    }

    /** The citizen rates the answer or gives the information asked for; the case page shows the result. */
    @PreAuthorize("permitAll()")
    @PostMapping("/feedback/track/{action}")
    String act(@AuthenticationPrincipal Actor me, @PathVariable String action, @RequestParam String reference,
               @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "0") int rating,
               @RequestParam(defaultValue = "") String text, Model model, Locale locale) {
        String login = me == null ? null : me.login();
        FeedbackCase c = cases.forCitizen(reference, contact, login);
        String actor = login != null ? login : "citizen";
        try {
            switch (action) {
                case "rate" -> c = cases.rate(c, rating, text, actor);
                case "info" -> c = cases.giveInformation(c, text, actor);
                default -> throw new CaseNotFound();
            }
            model.addAttribute("done", "feedback.track.done." + action);
        } catch (FeedbackRefused | TransitionNotAllowed e) {
            model.addAttribute("problem", e.messageKey());
        }
        model.addAttribute("form", new TrackForm(c.reference(), contact));
        FeedbackModels.caseView(model, cases.get(c.reference()), store, categories, divisions, locale);
        return "feedback/track";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_OWN')")
    @GetMapping("/feedback/mine")
    String mine(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("cases", store.ofCitizen(me.login()));
        return "feedback/mine";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_OWN')")
    @GetMapping("/feedback/mine/{reference}")
    String mineOne(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        FeedbackCase c = cases.forCitizen(reference, null, me.login());
        model.addAttribute("form", new TrackForm(c.reference(), ""));
        FeedbackModels.caseView(model, c, store, categories, divisions, locale);
        return "feedback/track";
    }
}
