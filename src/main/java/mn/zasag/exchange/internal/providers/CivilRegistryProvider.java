package mn.zasag.exchange.internal.providers;

import mn.zasag.exchange.ServiceProvider;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.RegisterNumber;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the civil registry's services share: one endpoint {@code GET /{registerNumber}}, the person read through
 * {@link CivilRegistry#read} with the stated purpose as its legal basis (so the registry audits it too), and an
 * OpenAPI description. A subclass only says which facts it answers with.
 */
abstract class CivilRegistryProvider implements ServiceProvider {

    private final CivilRegistry registry;
    private final JsonMapper json;

    CivilRegistryProvider(CivilRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    abstract String code();

    abstract String title();

    /** The answer's fields, from the person. */
    abstract Map<String, Object> answer(Person person, CivilRegistry registry);

    /** The answer's OpenAPI properties as JSON (without braces). */
    abstract String schemaProperties();

    @Override
    public String key() {
        return "civil-registry." + code();
    }

    @Override
    public Definition definition() {
        return new Definition(code(), title(), openApi(), List.of(new Endpoint("GET", "/{registerNumber}")), true, false);
    }

    @Override
    public Optional<String> subject(Request request) {
        String segment = request.lastSegment();
        try {
            return Optional.of(RegisterNumber.parse(segment).value());
        } catch (InvalidRegisterNumber e) {
            return Optional.empty();
        }
    }

    @Override
    public Response handle(Request request) {
        RegisterNumber rn;
        try {
            rn = RegisterNumber.parse(request.lastSegment());
        } catch (InvalidRegisterNumber e) {
            return json(400, Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "code", "register_number_invalid"));
        }
        Person person = registry.read(rn.value(), request.issue());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registerNumber", person.registerNumber());
        body.putAll(answer(person, registry));
        return json(200, body);
    }

    private Response json(int status, Map<String, Object> body) {
        return new Response(status, status == 200 ? "application/json;charset=utf-8" : "application/problem+json",
                json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private String openApi() {
        return """
                {"openapi":"3.0.3","info":{"title":"%s","version":"1.0.0",
                 "description":"Civil registry of Mongolia (GASR), published through the Zasag data exchange. Requires X-Road-Issue (purpose)."},
                 "paths":{"/{registerNumber}":{"get":{"operationId":"%s","summary":"%s",
                  "parameters":[{"name":"registerNumber","in":"path","required":true,"schema":{"type":"string","pattern":"^[А-ЯЁӨҮ]{2}[0-9]{8}$"}}],
                  "responses":{"200":{"description":"The answer","content":{"application/json":{"schema":{"type":"object","properties":{
                    "registerNumber":{"type":"string"},%s}}}}},
                   "400":{"description":"Invalid register number (code register_number_invalid)"},
                   "404":{"description":"No such person (code person_not_found)"}}}}}}"""
                .formatted(title(), code(), title(), schemaProperties());
    }
}
