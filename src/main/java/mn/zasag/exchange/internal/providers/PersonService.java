package mn.zasag.exchange.internal.providers;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code person}: a person's civil record by register number. */
@Component
class PersonService extends CivilRegistryProvider {

    PersonService(CivilRegistry registry, JsonMapper json) {
        super(registry, json);
    }

    @Override
    String code() {
        return "person";
    }

    @Override
    String title() {
        return "Person by register number";
    }

    @Override
    Map<String, Object> answer(Person p, CivilRegistry registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("civilId", p.civilId());
        m.put("clanName", p.clanName());
        m.put("familyName", p.familyName());
        m.put("givenName", p.givenName());
        m.put("sex", p.sex().name());
        m.put("birthDate", p.birthDate().toString());
        m.put("birthPlace", p.birthPlace());
        m.put("citizenship", p.citizenship());
        m.put("alive", p.alive());
        m.put("deathDate", p.deathDate() == null ? null : p.deathDate().toString());
        return m;
    }

    @Override
    String schemaProperties() {
        return """
                "civilId":{"type":"string"},"clanName":{"type":"string"},"familyName":{"type":"string"},"givenName":{"type":"string"},
                "sex":{"type":"string","enum":["MALE","FEMALE"]},"birthDate":{"type":"string","format":"date"},"birthPlace":{"type":"string"},
                "citizenship":{"type":"string"},"alive":{"type":"boolean"},"deathDate":{"type":"string","format":"date"}""";
    }
}
