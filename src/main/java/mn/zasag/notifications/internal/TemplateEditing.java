package mn.zasag.notifications.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** A platform admin changes a template's texts: one transaction, one audit entry. */
@Service
public class TemplateEditing {

    private final TemplateStore templates;
    private final AuditTrail audit;
    private final Clock clock;

    TemplateEditing(TemplateStore templates, AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void change(String kind, String language, String subject, String emailBody, String smsBody, String by) {
        templates.update(kind, language, subject, emailBody, smsBody, OffsetDateTime.now(clock), by);
        audit.record(AuditEvent.success("notifications.template.changed", "notification_template", kind + "/" + language)
                .withDetails(Map.of("kind", kind, "language", language)));
    }
}
