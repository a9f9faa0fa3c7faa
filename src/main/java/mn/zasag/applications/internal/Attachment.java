package mn.zasag.applications.internal;

import java.util.UUID;

/** An uploaded file: its content type as sniffed from the bytes, never as the browser claimed. */
public record Attachment(UUID id, long applicationId, String question, String fileName, String contentType, int size) {
}
