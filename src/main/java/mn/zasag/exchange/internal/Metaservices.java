package mn.zasag.exchange.internal;

import mn.zasag.exchange.Directory;
import mn.zasag.exchange.ExchangeError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The REST metaservices of X-Road's Service Metadata Protocol for REST (PR-MREST), answered from the directory:
 * {@code listClients} (members and subsystems), {@code listMethods} (a provider subsystem's REST services),
 * {@code allowedMethods} (those the calling client may use, with their endpoints, granted to it or to a group it is in) and {@code getOpenAPI?serviceCode=}
 * (a service's OpenAPI description). JSON field names are PR-MREST's ({@code member_class}, {@code endpoint_list} …).
 */
@Component
public class Metaservices {

    public static final Set<String> NAMES = Set.of("listMethods", "allowedMethods", "getOpenAPI");

    private final Directory directory;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Gateway gateway;

    Metaservices(Directory directory, JdbcClient jdbc, JsonMapper json, Gateway gateway) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.json = json;
        this.gateway = gateway;
    }

    public Reply listClients() {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Directory.Member m : directory.members()) {
            members.add(Map.of("id", id(m.id(), "MEMBER"), "name", m.name()));
            for (Directory.Subsystem s : directory.subsystems(m.id())) {
                members.add(Map.of("id", id(s.id(), "SUBSYSTEM"), "name", s.name()));
            }
        }
        return json(Map.of("member", members), Map.of());
    }

    public Reply answer(String name, String client, String provider, String serviceCode) {
        String messageId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Road-Client", client);
        headers.put("X-Road-Service", provider + "/" + name);
        headers.put("X-Road-Id", messageId);
        if (directory.subsystem(provider).isEmpty()) {
            return gateway.error(new ExchangeError(ExchangeError.UNKNOWN_SERVICE, "Unknown provider subsystem " + provider), messageId,
                    client, provider + "/" + name);
        }
        switch (name) {
            case "getOpenAPI" -> {
                if (serviceCode == null || serviceCode.isBlank()) {
                    return gateway.error(new ExchangeError(ExchangeError.BAD_REQUEST, "Missing parameter serviceCode"), messageId, client,
                            provider + "/" + name);
                }
                return directory.service(provider + "/" + serviceCode)
                        .map(s -> new Reply(200, headers, s.openApi().stripLeading().startsWith("{") ? "application/json;charset=utf-8"
                                : "text/yaml;charset=utf-8", s.openApi().getBytes(StandardCharsets.UTF_8)))
                        .orElseGet(() -> gateway.error(new ExchangeError(ExchangeError.UNKNOWN_SERVICE, "Unknown service code " + serviceCode),
                                messageId, client, provider + "/" + name));
            }
            case "listMethods" -> {
                List<Map<String, Object>> services = new ArrayList<>();
                for (Directory.ServiceEntry s : directory.services(provider)) {
                    services.add(service(s, null));
                }
                return json(Map.of("service", services), headers);
            }
            default -> {
                List<Map<String, Object>> services = new ArrayList<>();
                for (Directory.ServiceEntry s : directory.services(provider)) {
                    List<Map<String, String>> allowed = allowed(s, client);
                    if (!allowed.isEmpty()) {
                        services.add(service(s, allowed));
                    }
                }
                return json(Map.of("service", services), headers);
            }
        }
    }

    private List<Map<String, String>> allowed(Directory.ServiceEntry s, String client) {
        List<Long> rights = jdbc.sql("""
                        select coalesce(endpoint_id, -1) from exchange.access_right where service_id = :s
                        and (client_id = :c or group_id in (select group_id from exchange.group_member where subsystem_id = :c))""")
                .param("s", s.id()).param("c", client).query(Long.class).list();
        List<Map<String, String>> endpoints = new ArrayList<>();
        for (Directory.EndpointEntry e : s.endpoints()) {
            if (rights.contains(-1L) || rights.contains(e.id())) {
                endpoints.add(Map.of("method", e.method(), "path", e.path()));
            }
        }
        return endpoints;
    }

    private static Map<String, Object> service(Directory.ServiceEntry s, List<Map<String, String>> endpoints) {
        String[] p = s.id().split("/");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member_class", p[1]);
        m.put("member_code", p[2]);
        m.put("object_type", "SERVICE");
        m.put("service_code", s.code());
        m.put("subsystem_code", p[3]);
        m.put("xroad_instance", p[0]);
        m.put("service_type", "REST");
        if (endpoints != null) {
            m.put("endpoint_list", endpoints);
        }
        return m;
    }

    private static Map<String, Object> id(String id, String type) {
        String[] p = id.split("/");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member_class", p[1]);
        m.put("member_code", p[2]);
        if (p.length > 3) {
            m.put("subsystem_code", p[3]);
        }
        m.put("xroad_instance", p[0]);
        m.put("object_type", type);
        return m;
    }

    private Reply json(Object body, Map<String, String> headers) {
        return new Reply(200, headers, "application/json;charset=utf-8", json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
