package mn.zasag.notifications.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** One kind's texts in one language, and the placeholders its kind declares (with example values). */
public record MessageTemplate(String kind, String language, String emailSubject, String emailBody, String smsBody,
                             List<String> placeholders, List<String> samples, OffsetDateTime updatedAt,
                             String updatedBy) {

    public java.util.Map<String, String> sampleValues() {
        var values = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < placeholders.size(); i++) {
            values.put(placeholders.get(i), samples.get(i));
        }
        return values;
    }
}
