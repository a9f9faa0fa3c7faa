package mn.zasag.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service a provider publishes through the exchange: a small class (a Spring bean) that answers the
 * service's endpoints from its module's API. The exchange has already authenticated the client, checked the
 * access right, the purpose and any consent, and will log and seal both messages; a provider only answers.
 * Answers that are the provider's own (404 person not found, 400 invalid number) are returned as they are,
 * without {@code X-Road-Error} (PR-REST 4.6, category 1).
 */
public interface ServiceProvider {

    /** Stable key the directory stores for each service published with this provider, e.g. {@code civil-registry.person}. */
    String key();

    /** What the directory publishes by default: service code, title, OpenAPI description, endpoints. */
    Definition definition();

    /** The register number of the person the request is about, when it is about one (for consent and the tracker). */
    default Optional<String> subject(Request request) {
        return Optional.empty();
    }

    Response handle(Request request);

    /**
     * @param code            the default service code
     * @param title           a short title
     * @param openApi         OpenAPI 3 description (JSON or YAML)
     * @param endpoints       method + path, paths relative to the service, {@code {name}} for a segment
     * @param personalData    whether answers hold personal data (a purpose is then required)
     * @param consentRequired whether the person's consent proof is required
     */
    record Definition(String code, String title, String openApi, List<Endpoint> endpoints, boolean personalData,
                      boolean consentRequired) {
    }

    record Endpoint(String method, String path) {
    }

    /**
     * @param path    the path after the service code, starting with {@code /} (or empty)
     * @param issue   the stated purpose ({@code X-Road-Issue})
     */
    record Request(String client, String method, String path, Map<String, List<String>> query, String userId, String issue,
                   String contentType, byte[] body) {

        public String lastSegment() {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return p.substring(p.lastIndexOf('/') + 1);
        }
    }

    record Response(int status, String contentType, byte[] body) {
    }
}
