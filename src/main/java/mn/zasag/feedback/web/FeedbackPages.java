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
import mn.zasag.feedback.internal.LocalOffices;
import mn.zasag.feedback.internal.PendingUploads;
import mn.zasag.feedback.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    private final LocalOffices offices;
    private final PendingUploads pending;

    FeedbackPages(FeedbackCases cases, CaseStore store, Categories categories, Divisions divisions, LocalOffices offices,
                  PendingUploads pending) {
        this.offices = offices;
        this.pending = pending;
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
                BindingResult errors, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                Model model, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
        String login = me != null && hasAuthority("FEEDBACK_OWN") ? me.login() : null;
        // files already accepted with an earlier try of this form, and the new ones (read only when not too large)
        List<Attachment> kept = new ArrayList<>(pending.load(form.keep()));
        List<Attachment> fresh = new ArrayList<>();
        FeedbackRefused fileProblem = null;
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            Attachment a;
            if (f.getSize() > Attachment.MAX_BYTES || f.isEmpty()) {
                a = new Attachment(f.getOriginalFilename(), f.getContentType(), f.isEmpty() ? new byte[0] : new byte[Attachment.MAX_BYTES + 1]);
            } else {
                try {
                    a = new Attachment(f.getOriginalFilename(), f.getContentType(), f.getBytes());
                } catch (IOException e) {
                    a = new Attachment(f.getOriginalFilename(), f.getContentType(), new byte[0]);
                }
            }
            String refusal = a.refusal();
            if (refusal != null) {
                if (fileProblem == null) {
                    fileProblem = new FeedbackRefused(refusal, "attachments", a.storedName());
                }
            } else if (kept.size() + fresh.size() >= Attachment.MAX_PER_CASE) {
                if (fileProblem == null) {
                    fileProblem = new FeedbackRefused("feedback_attachment_count", "attachments", Attachment.MAX_PER_CASE);
                }
            } else {
                fresh.add(a);
            }
        }
        List<Attachment> all = new ArrayList<>(kept);
        all.addAll(fresh);
        String page = "feedback/form";
        if (fileProblem == null) {
            try {
                FeedbackCase c = cases.file(newCase(form, IntakeChannel.WEB, login, locale, request), login, all, true);
                pending.drop(form.keep());
                redirect.addFlashAttribute("reference", c.reference());
                return "redirect:/feedback/sent";
            } catch (FeedbackRefused e) {
                FeedbackModels.reject(errors, e);
            } catch (TooManyCases e) {
                errors.rejectValue("text", e.messageKey());
            }
        } else {
            FeedbackModels.reject(errors, fileProblem);
        }
        // back to the form: nothing typed or accepted is lost
        String token = fresh.isEmpty() ? form.keep() : pending.keep(form.keep(), fresh);
        model.addAttribute("form", form.keeping(token == null ? "" : token));
        model.addAttribute("keptFiles", all.stream().map(Attachment::storedName).toList());
        model.addAttribute("org.springframework.validation.BindingResult.form", errors);
        FeedbackModels.choices(model, categories, divisions, locale);
        return page;
    }

    private static NewCase newCase(FeedbackModels.CaseForm form, IntakeChannel channel, String login, Locale locale,
                                   HttpServletRequest request) {
        boolean located = channel == IntakeChannel.WEB;
        return new NewCase(FeedbackModels.kind(form.kind()), form.category(), form.place(), located ? form.lat() : null,
                located ? form.lon() : null, form.text(),
                form.contactName(), form.contactPhone(), form.contactEmail(), login, channel, locale.getLanguage(),
                form.published(), null, "ip:" + request.getRemoteAddr());
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
            FeedbackCase c = cases.file(newCase(form, channel, login, locale, request), login);
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
            FeedbackModels.caseView(model, c, store, categories, divisions, offices, locale);
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
        FeedbackModels.caseView(model, cases.get(c.reference()), store, categories, divisions, offices, locale);
        return "feedback/track";
    }

    /** A file of a case tracked by reference and contact (posted, so the contact is not in a URL). */
    @PreAuthorize("permitAll()")
    @PostMapping("/feedback/track/file")
    ResponseEntity<byte[]> trackedFile(@AuthenticationPrincipal Actor me, @RequestParam String reference,
                                       @RequestParam(defaultValue = "") String contact, @RequestParam long id) {
        return download(cases.fileForCitizen(reference, contact, me == null ? null : me.login(), id));
    }

    @PreAuthorize("hasAuthority('FEEDBACK_OWN')")
    @GetMapping("/feedback/mine/{reference}/files/{id}")
    ResponseEntity<byte[]> myFile(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable long id) {
        return download(cases.fileForCitizen(reference, null, me.login(), id));
    }

    /** A kept file as a download (never shown inline), of the type its content was found to be. */
    static ResponseEntity<byte[]> download(Attachment a) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(a.content());
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
        FeedbackModels.caseView(model, c, store, categories, divisions, offices, locale);
        return "feedback/track";
    }
}
