package mn.zasag.exchange.internal.providers;

import mn.zasag.exchange.ServiceProvider;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.RegisterNumber;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A registry's record answered as JSON from one endpoint {@code GET /{id}}: the registry's own read with the
 * stated purpose as its legal basis (so the registry audits it as well), its refusals (invalid number, not
 * found) passed back as the provider's own problem answers. When the id is a register number the call is
 * about that person (consent, «who used my data»).
 *
 * @param reader (id, purpose) → the record to answer with
 */
record RecordProvider(String key, String code, String title, String idName, String description,
                      BiFunction<String, String, Object> reader, JsonMapper json) implements ServiceProvider {

    @Override
    public Definition definition() {
        return new Definition(code, title, openApi(), List.of(new Endpoint("GET", "/{" + idName + "}")), true, false);
    }

    @Override
    public Optional<String> subject(Request request) {
        try {
            return Optional.of(RegisterNumber.parse(request.lastSegment()).value());
        } catch (InvalidRegisterNumber e) {
            return Optional.empty();
        }
    }

    @Override
    public Response handle(Request request) {
        Object answer;
        try {
            answer = reader.apply(request.lastSegment().strip(), request.issue());
        } catch (InvalidRegisterNumber e) {
            // the registries parse register numbers with the shared rule, which is not a problem answer by itself
            return new Response(400, "application/problem+json", json.writeValueAsBytes(java.util.Map.of("type", "about:blank",
                    "title", "Bad Request", "status", 400, "code", "register_number_invalid")));
        }
        return new Response(200, "application/json;charset=utf-8",
                json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8));
    }

    private String openApi() {
        return """
                {"openapi":"3.0.3","info":{"title":"%s","version":"1.0.0",
                 "description":"%s Published through the Zasag data exchange. Requires X-Road-Issue (purpose)."},
                 "paths":{"/{%s}":{"get":{"operationId":"%s","summary":"%s",
                  "parameters":[{"name":"%s","in":"path","required":true,"schema":{"type":"string"}}],
                  "responses":{"200":{"description":"The record","content":{"application/json":{"schema":{"type":"object"}}}},
                   "400":{"description":"Invalid identifier (problem details with a code)"},
                   "404":{"description":"No such record (problem details with a code)"}}}}}}"""
                .formatted(title, description, idName, code, title, idName);
    }
}
