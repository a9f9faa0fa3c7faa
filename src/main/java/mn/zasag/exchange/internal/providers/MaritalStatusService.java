package mn.zasag.exchange.internal.providers;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code marital-status}: married or not, and to whom. */
@Component
class MaritalStatusService extends CivilRegistryProvider {

    MaritalStatusService(CivilRegistry registry, JsonMapper json) {
        super(registry, json);
    }

    @Override
    String code() {
        return "marital-status";
    }

    @Override
    String title() {
        return "Marital status";
    }

    @Override
    Map<String, Object> answer(Person p, CivilRegistry registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("married", p.spouse() != null);
        m.put("spouse", p.spouse());
        return m;
    }

    @Override
    String schemaProperties() {
        return "\"married\":{\"type\":\"boolean\"},\"spouse\":{\"type\":\"string\"}";
    }
}
