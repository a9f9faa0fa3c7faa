package mn.zasag.applications.web;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationRefused;
import mn.zasag.applications.internal.CitizenJourney;
import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.applications.internal.FormDefinition.Located;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.catalog.PublicService;
import mn.zasag.registry.DivisionChoices;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The citizen's journey through a form (GOV.UK patterns): the start page, one page at a time with a back link and
 * errors, the task list of long forms, check answers with a change link per answer, and the confirmation.
 */
@Controller
class ApplyPages {

    private final CitizenJourney journey;
    private final Views views;
    private final Divisions divisions;

    ApplyPages(CitizenJourney journey, Views views, Divisions divisions) {
        this.journey = journey;
        this.views = views;
        this.divisions = divisions;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/apply/{formId}")
    String startPage(@PathVariable String formId, Model model, Locale locale) {
        FormDefinition form = journey.form(formId);
        PublicService service = journey.service(form);
        model.addAttribute("form", form);
        model.addAttribute("service", service);
        model.addAttribute("serviceName", service.name(locale));
        model.addAttribute("formTitle", form.title().in(locale));
        List<String> needs = new ArrayList<>();
        form.questions().stream().filter(Question::isFile).forEach(q -> needs.add(q.label().in(locale)));
        model.addAttribute("needs", needs);
        model.addAttribute("prefills", !form.prefill().isEmpty());
        return "applications/start";
    }

    /** Starts (or resumes) the applicant's draft: a link, so that logging in on the way leads straight back. */
    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/apply/{formId}/start")
    String start(@AuthenticationPrincipal Actor me, @PathVariable String formId, Locale locale) {
        Application a = journey.start(formId, me, locale.getLanguage());
        return "redirect:" + resume(journey.form(a.formId()), a);
    }

    static String resume(FormDefinition form, Application a) {
        String base = "/applications/" + a.reference() + "/";
        if (form.taskList()) {
            return base + "tasks";
        }
        return CitizenJourney.firstUndone(form, a).map(l -> base + "page/" + l.page().id()).orElse(base + "check");
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}/page/{pageId}")
    String page(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String pageId,
                @RequestParam(defaultValue = "false") boolean change, Model model, Locale locale, RedirectAttributes redirect) {
        Application a = journey.own(reference, me);
        FormDefinition form = journey.form(a.formId());
        if (!a.draft()) {
            return "redirect:/applications/" + reference;
        }
        Located located = form.page(pageId).orElse(null);
        if (located == null || !CitizenJourney.reachable(form, a, pageId)) {
            redirect.addFlashAttribute("notice", "applications.notice.out-of-order");
            return "redirect:" + resume(form, a);
        }
        return show(form, a, located, change, null, List.of(), model, locale);
    }

    private String show(FormDefinition form, Application a, Located located, boolean change, Map<String, String> posted,
                        List<mn.zasag.applications.internal.AnswerError> errors, Model model, Locale locale) {
        model.addAttribute("app", a);
        model.addAttribute("form", form);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("section", located.section().title().in(locale));
        model.addAttribute("page", located.page());
        model.addAttribute("pageTitle", located.page().title().in(locale));
        model.addAttribute("pageHint", located.page().hint() == null ? null : located.page().hint().in(locale));
        var questions = views.questions(form, a, located.page().questions(), posted, errors, locale);
        model.addAttribute("questions", questions);
        model.addAttribute("single", questions.size() == 1);
        model.addAttribute("onlyLocked", questions.stream().allMatch(Views.QuestionView::locked));
        if (located.page().questions().stream().anyMatch(q -> "division".equals(q.type()))) {
            model.addAttribute("divisionGroups", DivisionChoices.groups(divisions, locale));
        }
        model.addAttribute("multipart", located.page().questions().stream().anyMatch(Question::isFile));
        model.addAttribute("errors", views.errorLinks(errors, form, locale));
        model.addAttribute("change", change);
        model.addAttribute("back", back(form, a, located, change));
        return "applications/page";
    }

    private static String back(FormDefinition form, Application a, Located located, boolean change) {
        String base = "/applications/" + a.reference() + "/";
        if (change) {
            return base + "check";
        }
        List<Located> pages = CitizenJourney.visible(form, a.answers());
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).page().id().equals(located.page().id())) {
                if (i == 0) {
                    return form.taskList() ? base + "tasks" : "/apply/" + form.id();
                }
                if (form.taskList() && !pages.get(i - 1).section().id().equals(located.section().id())) {
                    return base + "tasks";
                }
                return base + "page/" + pages.get(i - 1).page().id();
            }
        }
        return base + "check";
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @PostMapping("/applications/{reference}/page/{pageId}")
    String save(@AuthenticationPrincipal Actor me, @PathVariable String reference, @PathVariable String pageId,
                @RequestParam(defaultValue = "0") int formVersion, @RequestParam(defaultValue = "false") boolean change,
                HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) throws IOException {
        Application a = journey.own(reference, me);
        FormDefinition form = journey.form(a.formId());
        Located located = form.page(pageId).orElse(null);
        if (located == null) {
            redirect.addFlashAttribute("notice", "applications.notice.out-of-order");
            return "redirect:" + resume(form, a);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, CitizenJourney.Upload> uploads = new LinkedHashMap<>();
        for (Question q : located.page().questions()) {
            if (q.isDate()) {
                inputs.put(q.id(), param(request, q.id() + "-day") + "/" + param(request, q.id() + "-month") + "/"
                        + param(request, q.id() + "-year"));
            } else if ("choices".equals(q.type())) {
                String[] values = request.getParameterValues(q.id());
                inputs.put(q.id(), values == null ? "" : String.join(",", values));
            } else if (q.isFile()) {
                MultipartHttpServletRequest m = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
                if (m != null) {
                    MultipartFile f = m.getFile(q.id());
                    if (f != null && !f.isEmpty()) {
                        uploads.put(q.id(), new CitizenJourney.Upload(f.getOriginalFilename(), f.getBytes()));
                    }
                }
            } else {
                inputs.put(q.id(), param(request, q.id()));
            }
        }
        CitizenJourney.Posted posted;
        try {
            posted = journey.savePage(reference, me, pageId, formVersion, inputs, uploads);
        } catch (ApplicationRefused e) {
            return refused(e, form, journey.own(reference, me), redirect);
        }
        Application now = journey.own(reference, me);
        if (!posted.errors().isEmpty()) {
            return show(form, now, located, change, posted.values(), posted.errors(), model, locale);
        }
        String next = CitizenJourney.after(form, now, pageId, change);
        return "redirect:/applications/" + reference + "/" + next + (change && next.startsWith("page/") ? "?change=true" : "");
    }

    private static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    /** Out of order, stale or no longer a draft: a friendly notice where the applicant can carry on. */
    static String refused(ApplicationRefused e, FormDefinition form, Application a, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "applications.notice." + e.code());
        if (!a.draft()) {
            return "redirect:/applications/" + a.reference();
        }
        return "redirect:" + resume(form, a);
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}/tasks")
    String tasks(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        Application a = journey.own(reference, me);
        FormDefinition form = journey.form(a.formId());
        if (!a.draft()) {
            return "redirect:/applications/" + reference;
        }
        record Task(String title, String state, String href) {
        }
        List<Task> tasks = new ArrayList<>();
        int completed = 0;
        for (var s : form.sections()) {
            String state = CitizenJourney.sectionState(form, a, s);
            if ("completed".equals(state)) {
                completed++;
            }
            String href = null;
            if (!"cannot-start".equals(state)) {
                var pages = CitizenJourney.visible(form, a.answers()).stream().filter(l -> l.section().id().equals(s.id())).toList();
                href = pages.stream().filter(l -> !CitizenJourney.done(a, l.page().id())).findFirst()
                        .or(() -> pages.stream().findFirst())
                        .map(l -> "/applications/" + reference + "/page/" + l.page().id()).orElse(null);
            }
            tasks.add(new Task(s.title().in(locale), state, href));
        }
        model.addAttribute("app", a);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("tasks", tasks);
        model.addAttribute("completed", completed);
        model.addAttribute("total", form.sections().size());
        model.addAttribute("ready", CitizenJourney.firstUndone(form, a).isEmpty());
        return "applications/tasks";
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}/check")
    String check(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale,
                 RedirectAttributes redirect) {
        Application a = journey.own(reference, me);
        FormDefinition form = journey.form(a.formId());
        if (!a.draft()) {
            return "redirect:/applications/" + reference;
        }
        if (CitizenJourney.firstUndone(form, a).isPresent()) {
            redirect.addFlashAttribute("notice", "applications.notice.applications_incomplete");
            return "redirect:" + resume(form, a);
        }
        PublicService service = journey.service(form);
        model.addAttribute("app", a);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("rows", views.rows(form, a, locale));
        model.addAttribute("service", service);
        model.addAttribute("back", form.taskList() ? "/applications/" + reference + "/tasks"
                : "/applications/" + reference + "/page/" + CitizenJourney.visible(form, a.answers())
                .get(CitizenJourney.visible(form, a.answers()).size() - 1).page().id());
        return "applications/check";
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @PostMapping("/applications/{reference}/submit")
    String submit(@AuthenticationPrincipal Actor me, @PathVariable String reference, @RequestParam(defaultValue = "") String token,
                  @RequestParam(defaultValue = "-1") int revision, RedirectAttributes redirect) {
        try {
            Application a = journey.submit(reference, me, token, revision);
            return "redirect:/applications/" + a.reference() + "/confirmation";
        } catch (ApplicationRefused e) {
            Application a = journey.own(reference, me);
            redirect.addFlashAttribute("notice", "applications.notice." + e.code());
            if (!a.draft()) {
                return "redirect:/applications/" + reference;
            }
            FormDefinition form = journey.form(a.formId());
            return CitizenJourney.firstUndone(form, a).isPresent() ? "redirect:" + resume(form, a)
                    : "redirect:/applications/" + reference + "/check";
        }
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}/confirmation")
    String confirmation(@AuthenticationPrincipal Actor me, @PathVariable String reference, Model model, Locale locale) {
        Application a = journey.own(reference, me);
        if (a.draft()) {
            return "redirect:/applications/" + reference + "/check";
        }
        FormDefinition form = journey.form(a.formId());
        PublicService service = journey.service(form);
        model.addAttribute("app", a);
        model.addAttribute("formTitle", form.title().in(locale));
        model.addAttribute("service", service);
        model.addAttribute("stateName", views.state(a.state(), locale));
        model.addAttribute("automatic", form.decisionOrDefault().automatic());
        return "applications/confirmation";
    }
}
