package mn.zasag.exchange;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An X-Road identifier as PR-REST writes it: {@code INSTANCE/CLASS/MEMBER[/SUBSYSTEM[/SERVICE]]}, each part
 * percent-encoded UTF-8. Parts are checked against X-Road's identifier character restrictions (PR-REST 4.8:
 * no control characters and none of {@code / \ ; %} after decoding) and a length limit.
 */
public record XRoadId(String instance, String memberClass, String memberCode, String subsystem, String service) {

    public static final Set<String> MEMBER_CLASSES = Set.of("GOV", "COM", "NGO");
    private static final Pattern PART = Pattern.compile("^[^\\p{Cntrl}/\\\\;%:]{1,100}$");

    /** Parses {@code INSTANCE/CLASS/CODE/SUBSYSTEM} (a client; the subsystem is required here). */
    public static XRoadId client(String text) {
        List<String> parts = split(text);
        if (parts.size() != 4) {
            throw new IllegalArgumentException("expected INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        }
        return of(parts, 4);
    }

    /** The identifier from decoded parts: 3 = member, 4 = subsystem, 5 = service. */
    public static XRoadId of(List<String> parts, int size) {
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new IllegalArgumentException("invalid identifier part");
            }
        }
        if (!MEMBER_CLASSES.contains(parts.get(1))) {
            throw new IllegalArgumentException("unknown member class " + parts.get(1));
        }
        return new XRoadId(parts.get(0), parts.get(1), parts.get(2), size > 3 ? parts.get(3) : null, size > 4 ? parts.get(4) : null);
    }

    public static XRoadId member(String instance, String memberClass, String memberCode) {
        return of(List.of(instance, memberClass, memberCode), 3);
    }

    public static XRoadId service(String subsystemId, String serviceCode) {
        List<String> parts = new ArrayList<>(split(subsystemId));
        parts.add(serviceCode);
        return of(parts, 5);
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            throw new IllegalArgumentException("missing identifier");
        }
        List<String> parts = new ArrayList<>();
        for (String raw : text.strip().split("/", -1)) {
            parts.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return parts;
    }

    public XRoadId memberId() {
        return new XRoadId(instance, memberClass, memberCode, null, null);
    }

    public XRoadId subsystemId() {
        return new XRoadId(instance, memberClass, memberCode, subsystem, null);
    }

    /** The PR-REST string: parts percent-encoded, joined with {@code /}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(enc(instance)).append('/').append(enc(memberClass)).append('/').append(enc(memberCode));
        if (subsystem != null) {
            s.append('/').append(enc(subsystem));
        }
        if (service != null) {
            s.append('/').append(enc(service));
        }
        return s.toString();
    }

    private static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
