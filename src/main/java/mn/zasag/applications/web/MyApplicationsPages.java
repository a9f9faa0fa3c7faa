package mn.zasag.applications.web;

import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationNotFound;
import mn.zasag.applications.internal.ApplicationRefused;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.applications.internal.Attachment;
import mn.zasag.applications.internal.CitizenJourney;
import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** "My applications": the applicant's list, one application with its history, answering a question, withdrawing. */
@Controller
class MyApplicationsPages {

    private final CitizenJourney journey;
    private final ApplicationStore store;
    private final Views views;
    private final Documents documents;

    MyApplicationsPages(CitizenJourney journey, ApplicationStore store, Views views, Documents documents) {
        this.journey = journey;
        this.store = store;
        this.views = views;
        this.documents = documents;
    }

    record Item(String reference, String title, String state, String stateName, String updated, String href) {
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications")
    String mine(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        List<Item> items = store.ofApplicant(me.accountId()).stream().map(a -> {
            String title = journey.formOrNull(a.formId()) == null ? a.serviceCode() : journey.formOrNull(a.formId()).title().in(locale);
            String href = a.draft() ? ApplyPages.resume(journey.form(a.formId()), a) : "/applications/" + a.reference();
            return new Item(a.reference(), title, a.state(), views.state(a.state(), locale),
                    a.updatedAt().toLocalDate().toString(), href);
        }).toList();
        model.addAttribute("items", items);
        return "applications/mine";
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}")
    String one(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        Application a = journey.own(reference, me);
        FormDefinition form = journey.form(a.formId());
        model.addAttribute("app", a);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("stateName", views.state(a.state(), locale));
        model.addAttribute("rows", views.rows(form, a, locale));
        model.addAttribute("history", OfficePages.history(store.history(a.id()), views, locale));
        model.addAttribute("continueHref", a.draft() ? ApplyPages.resume(form, a) : null);
        model.addAttribute("withdrawable", journey.withdrawable(a));
        model.addAttribute("question", Application.INFO_REQUESTED.equals(a.state()) ? lastMessage(a) : null);
        model.addAttribute("documents", documents.fromSource(a.reference()));
        model.addAttribute("attachmentBase", "/applications/" + a.reference() + "/attachments/");
        return "applications/detail";
    }

    private String lastMessage(Application a) {
        var h = store.history(a.id());
        for (int i = h.size() - 1; i >= 0; i--) {
            if (Application.INFO_REQUESTED.equals(h.get(i).toState())) {
                return h.get(i).message();
            }
        }
        return null;
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @PostMapping("/applications/{reference}/withdraw")
    String withdraw(@AuthenticationPrincipal Actor me, @PathVariable String reference, RedirectAttributes redirect) {
        try {
            journey.withdraw(reference, me);
            redirect.addFlashAttribute("done", "applications.done.withdrawn");
        } catch (ApplicationRefused e) {
            redirect.addFlashAttribute("notice", "applications.notice." + e.code());
        }
        return "redirect:/applications/" + reference;
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @PostMapping("/applications/{reference}/reply")
    String reply(@AuthenticationPrincipal Actor me, @PathVariable String reference, @RequestParam(defaultValue = "") String message,
                 @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            journey.reply(reference, me, message, file == null || file.isEmpty() ? null
                    : new CitizenJourney.Upload(file.getOriginalFilename(), file.getBytes()));
            redirect.addFlashAttribute("done", "applications.done.replied");
        } catch (ApplicationRefused e) {
            redirect.addFlashAttribute("notice", "applications.notice." + e.code());
        }
        return "redirect:/applications/" + reference;
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String id) {
        Application a = journey.own(reference, me);
        return download(store, a, id);
    }

    static ResponseEntity<byte[]> download(ApplicationStore store, Application a, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApplicationNotFound();
        }
        Attachment att = store.attachment(uuid).filter(x -> x.applicationId() == a.id()).orElseThrow(ApplicationNotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(att.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(att.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(store.content(uuid));
    }
}
