package mn.zasag.feedback.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** GeoReport v2 documents in JSON or XML: lists of flat records, the XML wrapped as the spec shows. */
final class Open311Format {

    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request",
            "endpoints", "endpoint", "formats", "format", "errors", "error", "attributes", "attribute",
            "values", "value");

    private Open311Format() {
    }

    static ResponseEntity<String> render(int status, String format, String root, Object body, JsonMapper json) {
        if ("xml".equals(format)) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(xml, root, body);
            return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(xml.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
    }

    private static void element(StringBuilder xml, String name, Object value) {
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> element(xml, String.valueOf(k), v));
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            list.forEach(v -> element(xml, item, v));
        } else if (value != null) {
            xml.append(escape(String.valueOf(value)));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
