package mn.zasag.feedback;

import java.util.Locale;
import java.util.Set;

/** A file that came with a case. Only documents and pictures, at most {@link #MAX_BYTES} each. */
public record Attachment(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PER_CASE = 5;
    public static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "text/plain");

    /** Why this file is not kept, or null when it is acceptable. */
    public String refusal() {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!TYPES.contains(type)) {
            return "feedback_attachment_type";
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return "feedback_attachment_size";
        }
        return null;
    }

    public String baseType() {
        return contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }
}
