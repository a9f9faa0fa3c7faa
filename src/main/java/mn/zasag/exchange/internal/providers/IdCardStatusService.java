package mn.zasag.exchange.internal.providers;

import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code id-card-status}: the person's current ID card number and when it was issued. */
@Component
class IdCardStatusService extends CivilRegistryProvider {

    IdCardStatusService(CivilRegistry registry, JsonMapper json) {
        super(registry, json);
    }

    @Override
    String code() {
        return "id-card-status";
    }

    @Override
    String title() {
        return "ID card status";
    }

    @Override
    Map<String, Object> answer(Person p, CivilRegistry registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("civilId", p.civilId());
        m.put("valid", p.civilId() != null && p.alive());
        m.put("issuedOn", registry.history(p.registerNumber()).stream().filter(e -> e.type() == CivilEventType.ID_CARD_ISSUE)
                .reduce((a, b) -> b).map(CivilEvent::occurredOn).map(Object::toString).orElse(null));
        return m;
    }

    @Override
    String schemaProperties() {
        return "\"civilId\":{\"type\":\"string\"},\"valid\":{\"type\":\"boolean\"},\"issuedOn\":{\"type\":\"string\",\"format\":\"date\"}";
    }
}
