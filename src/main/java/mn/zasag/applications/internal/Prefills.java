package mn.zasag.applications.internal;

import mn.zasag.exchange.Directory;
import mn.zasag.exchange.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Once-only: what the state already knows about the applicant, asked of the registries through the data exchange
 * as the portal's client subsystem, with the service as the purpose, so every read is in the message log and on
 * the citizen's data-usage page. A registry that refuses or does not answer costs the citizen only typing: the
 * question is then asked as usual, with a note.
 */
@Component
public class Prefills {

    private static final Logger log = LoggerFactory.getLogger(Prefills.class);
    /** The note kept for a question whose registry did not answer. */
    public static final String UNAVAILABLE = "unavailable";

    private final Exchange exchange;
    private final Directory directory;
    private final JsonMapper json;
    private final String client;

    Prefills(Exchange exchange, Directory directory, JsonMapper json,
             @Value("${zasag.applications.exchange-client:MN/GOV/9011001/portal}") String client) {
        this.exchange = exchange;
        this.directory = directory;
        this.json = json;
        this.client = client;
    }

    public String client() {
        return client;
    }

    /** What one round of fetching gave: values per question, notes for those that could not be fetched, options lists. */
    public record Fetched(Map<String, String> values, Map<String, String> notes, Map<String, List<String>> options) {
    }

    /** Fetches every source the form uses, each provider once. */
    public Fetched fetch(FormDefinition form, String registerNumber) {
        Set<String> providers = new LinkedHashSet<>();
        form.prefill().forEach(p -> providers.add(p.provider()));
        form.questions().stream().filter(q -> q.optionsFrom() != null)
                .forEach(q -> providers.add(q.optionsFrom().substring(0, q.optionsFrom().indexOf('#'))));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String provider : providers) {
            ask(provider, registerNumber, form.service()).ifPresent(a -> answers.put(provider, a));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (var p : form.prefill()) {
            JsonNode answer = answers.get(p.provider());
            JsonNode node = answer == null ? null : answer.at(p.pointer());
            if (node == null || node.isMissingNode() || node.isNull() || !node.isValueNode()) {
                notes.put(p.question(), UNAVAILABLE);
            } else {
                values.put(p.question(), node.asString());
            }
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (var q : form.questions()) {
            if (q.optionsFrom() != null) {
                String provider = q.optionsFrom().substring(0, q.optionsFrom().indexOf('#'));
                JsonNode answer = answers.get(provider);
                if (answer == null) {
                    notes.put(q.id(), UNAVAILABLE);
                    options.put(q.id(), List.of());
                } else {
                    options.put(q.id(), all(answer, q.optionsFrom().substring(q.optionsFrom().indexOf('#') + 1)));
                }
            }
        }
        return new Fetched(values, notes, options);
    }

    /** Every value a pointer with {@code *} steps reaches. */
    static List<String> all(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        collect(node, pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/"), 0, out);
        return out;
    }

    private static void collect(JsonNode node, String[] steps, int i, List<String> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (i == steps.length) {
            if (node.isValueNode()) {
                out.add(node.asString());
            }
            return;
        }
        String step = steps[i].replace("~1", "/").replace("~0", "~");
        if ("*".equals(step)) {
            for (JsonNode child : node) {
                collect(child, steps, i + 1, out);
            }
        } else if (node.isArray() && step.matches("\\d+")) {
            collect(node.get(Integer.parseInt(step)), steps, i + 1, out);
        } else {
            collect(node.get(step), steps, i + 1, out);
        }
    }

    private Optional<JsonNode> ask(String provider, String registerNumber, String purpose) {
        // the service of this provider the portal is granted, else any (the exchange then refuses, and says why)
        List<Directory.ServiceEntry> candidates = directory.services(null).stream().filter(s -> provider.equals(s.provider())).toList();
        Optional<String> service = candidates.stream()
                .filter(s -> directory.rights(s.id()).stream().anyMatch(r -> client.equals(r.clientId())))
                .map(Directory.ServiceEntry::id).findFirst()
                .or(() -> candidates.stream().map(Directory.ServiceEntry::id).findFirst());
        if (service.isEmpty()) {
            log.warn("No exchange service publishes {}: pre-fill from it is skipped", provider);
            return Optional.empty();
        }
        try {
            Exchange.Response r = exchange.call("applications", client, service.get(),
                    Exchange.Request.get("/" + registerNumber, purpose));
            if (!r.ok()) {
                log.info("Pre-fill from {} refused: {} {}", provider, r.status(), r.error());
                return Optional.empty();
            }
            return Optional.of(json.readTree(r.text()));
        } catch (RuntimeException e) {
            log.warn("Pre-fill from {} failed: {}", provider, e.toString());
            return Optional.empty();
        }
    }
}
