package mn.zasag.feedback;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file that came with a case. Only documents and pictures, at most {@link #MAX_BYTES} each and
 * {@link #MAX_PER_CASE} per case. Its type is what its content is (the first bytes: {@code %PDF-}, the JPEG
 * and PNG signatures, or UTF-8 text without control characters), not what the sender or the file name
 * says; the name must end in an extension of that type (one is added to a name without any).
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PER_CASE = 5;
    public static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "text/plain");
    private static final Map<String, List<String>> EXTENSIONS = Map.of("application/pdf", List.of("pdf"),
            "image/jpeg", List.of("jpg", "jpeg"), "image/png", List.of("png"), "text/plain", List.of("txt"));

    /** Why this file is not kept ({@code feedback_attachment_size} or {@code feedback_attachment_type}), or null. */
    public String refusal() {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return "feedback_attachment_size";
        }
        String type = sniffed();
        if (type == null) {
            return "feedback_attachment_type";
        }
        String extension = extension();
        if (extension != null && !EXTENSIONS.get(type).contains(extension)) {
            return "feedback_attachment_type";
        }
        return null;
    }

    /** The type its content shows, when it is one of {@link #TYPES}; else null. */
    public String sniffed() {
        byte[] b = content;
        if (b == null || b.length == 0) {
            return null;
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return isPlainText(b) ? "text/plain" : null;
    }

    /** The type it is kept and served as: the sniffed one. */
    public String baseType() {
        String type = sniffed();
        return type != null ? type : contentType == null ? "application/octet-stream"
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }

    /** The name it is kept under: the given one (without any path), with its type's extension when it had none. */
    public String storedName() {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            name = "attachment";
        }
        String type = sniffed();
        if (extension() == null && type != null) {
            name = name + "." + EXTENSIONS.get(type).get(0);
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private String extension() {
        if (fileName == null) {
            return null;
        }
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean starts(byte[] b, char... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != (byte) prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainText(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f);
    }
}
