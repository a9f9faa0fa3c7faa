package mn.zasag.applications.internal;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.catalog.PublicService;
import mn.zasag.catalog.Services;
import mn.zasag.exchange.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every form definition on the classpath ({@code forms/*.json}), read at start. The files are parsed strictly
 * (an unknown field is an error) and, once the catalogue is loaded, checked against the rules of docs/FORMS.md:
 * a broken form stops the start with one line per broken rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class Forms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Forms.class);
    static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build(); // an absent "required" or "taskList" is false

    private final Map<String, FormDefinition> forms;
    private final Services services;
    private final Map<String, ApprovalAction> actions;
    private final Directory directory;

    Forms(Services services, List<ApprovalAction> actions, Directory directory) {
        this.services = services;
        this.directory = directory;
        this.actions = actions.stream().collect(Collectors.toMap(ApprovalAction::name, a -> a));
        this.forms = load("classpath*:forms/*.json");
    }

    public static Map<String, FormDefinition> load(String pattern) {
        Map<String, FormDefinition> found = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = r.getFilename() == null ? "?" : r.getFilename().replaceFirst("\\.json$", "");
                try (InputStream in = r.getInputStream()) {
                    FormDefinition f = parse(in);
                    if (found.putIfAbsent(name, f) != null) {
                        errors.add("form " + name + ": two files have this name");
                    }
                } catch (JacksonException e) {
                    errors.add("form " + name + ": not a valid definition: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the form definitions", e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidForms(errors);
        }
        return found;
    }

    public static FormDefinition parse(InputStream in) {
        return STRICT.readValue(in, FormDefinition.class);
    }

    public static FormDefinition parse(String json) {
        return STRICT.readValue(json, FormDefinition.class);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> errors = new ArrayList<>();
        FormRules.Context context = context();
        forms.forEach((name, f) -> errors.addAll(FormRules.check(f, name, context)));
        if (!errors.isEmpty()) {
            throw new InvalidForms(errors);
        }
        log.info("Loaded {} form definitions", forms.size());
    }

    /** What the rules check a definition against: this catalogue, these approval actions and exchange providers. */
    public FormRules.Context context() {
        Set<String> providers = directory.providerKeys();
        return new FormRules.Context(code -> services.find(code).map(s -> s.form() == null ? "" : s.form()),
                actions::containsKey, providers::contains);
    }

    public Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : forms.get(id));
    }

    public Collection<FormDefinition> all() {
        return forms.values();
    }

    public Optional<ApprovalAction> action(String name) {
        return Optional.ofNullable(name == null ? null : actions.get(name));
    }

    public Optional<PublicService> service(FormDefinition form) {
        return services.find(form.service());
    }

    /** Thrown at start: the definitions break the rules. */
    public static class InvalidForms extends IllegalStateException {
        private final List<String> errors;

        InvalidForms(List<String> errors) {
            super("Invalid form definitions (docs/FORMS.md):\n  " + String.join("\n  ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
