package mn.zasag.notifications.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import mn.zasag.notifications.PlaceholderMissing;
import mn.zasag.notifications.PlaceholderUnknown;
import mn.zasag.notifications.internal.MessageTemplate;
import mn.zasag.notifications.internal.SmsText;
import mn.zasag.notifications.internal.TemplateEditing;
import mn.zasag.notifications.internal.TemplateStore;
import mn.zasag.notifications.internal.TemplateText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * Platform admins read and edit the message templates. Every form shows a preview: the texts filled with
 * the kind's example values, and how the SMS will be encoded and split. "Preview" shows the edited texts
 * without saving them.
 */
@Controller
class TemplatePages {

    private final TemplateStore templates;
    private final TemplateEditing editing;

    TemplatePages(TemplateStore templates, TemplateEditing editing) {
        this.templates = templates;
        this.editing = editing;
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/admin/notifications/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "notifications/templates";
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/admin/notifications/templates/{kind}/{language}")
    String edit(@PathVariable String kind, @PathVariable String language, Model model) {
        MessageTemplate template = templates.get(kind, language);
        TemplateForm form = new TemplateForm(template.emailSubject(), template.emailBody(), template.smsBody());
        model.addAttribute("form", form);
        return page(template, form, model);
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @PostMapping("/admin/notifications/templates/{kind}/{language}")
    String save(@PathVariable String kind, @PathVariable String language,
                @Valid @ModelAttribute("form") TemplateForm form, BindingResult errors,
                @RequestParam(defaultValue = "save") String action, Authentication admin, Model model,
                RedirectAttributes redirect) {
        MessageTemplate template = templates.get(kind, language);
        if (!errors.hasErrors()) {
            checkPlaceholders(template, form, errors);
        }
        if (errors.hasErrors() || "preview".equals(action)) {
            return page(template, form, model);
        }
        editing.change(kind, language, form.emailSubject().strip(), form.emailBody(), form.smsBody().strip(), admin.getName());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/notifications/templates/" + kind + "/" + language;
    }

    private static void checkPlaceholders(MessageTemplate template, TemplateForm form, BindingResult errors) {
        Map<String, String> texts = Map.of("emailSubject", form.emailSubject(), "emailBody", form.emailBody(),
                "smsBody", form.smsBody());
        texts.forEach((field, text) -> {
            for (String used : TemplateText.placeholders(text)) {
                if (!template.placeholders().contains(used)) {
                    errors.rejectValue(field, new PlaceholderUnknown(used).messageKey(), new Object[]{used}, null);
                }
            }
        });
    }

    private String page(MessageTemplate template, TemplateForm form, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("placeholderList", String.join(", ", template.placeholders().stream().map(p -> "{" + p + "}").toList()));
        if (form.emailSubject() == null || form.emailBody() == null || form.smsBody() == null) {
            return "notifications/template";
        }
        try {
            Map<String, String> samples = template.sampleValues();
            String sms = TemplateText.render(template.kind(), form.smsBody(), samples);
            model.addAttribute("preview", new Preview(
                    TemplateText.render(template.kind(), form.emailSubject(), samples),
                    TemplateText.render(template.kind(), form.emailBody(), samples), sms, SmsText.of(sms)));
        } catch (PlaceholderMissing unknown) {
            // an undeclared placeholder: the form already says which; no preview until it is fixed
        }
        return "notifications/template";
    }

    record Preview(String subject, String body, String sms, SmsText smsText) {
    }

    record TemplateForm(
            @NotBlank(message = "{notifications.template.required}")
            @Size(max = 200, message = "{notifications.template.subject.length}")
            String emailSubject,
            @NotBlank(message = "{notifications.template.required}")
            @Size(max = 20000, message = "{notifications.template.body.length}")
            String emailBody,
            @NotBlank(message = "{notifications.template.required}")
            @Size(max = 1000, message = "{notifications.template.sms.length}")
            String smsBody) {
    }
}
