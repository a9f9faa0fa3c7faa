package mn.zasag.exchange.internal.providers;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code address}: the address statement, a person's registered address. */
@Component
class AddressService extends CivilRegistryProvider {

    AddressService(CivilRegistry registry, JsonMapper json) {
        super(registry, json);
    }

    @Override
    String code() {
        return "address";
    }

    @Override
    String title() {
        return "Address statement";
    }

    @Override
    Map<String, Object> answer(Person p, CivilRegistry registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fullName", p.fullName());
        m.put("divisionCode", p.addressDivision());
        m.put("addressLine", p.addressLine());
        return m;
    }

    @Override
    String schemaProperties() {
        return "\"fullName\":{\"type\":\"string\"},\"divisionCode\":{\"type\":\"string\"},\"addressLine\":{\"type\":\"string\"}";
    }
}
