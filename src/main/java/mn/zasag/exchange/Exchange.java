package mn.zasag.exchange;

import mn.zasag.exchange.internal.Call;
import mn.zasag.exchange.internal.Gateway;
import mn.zasag.exchange.internal.Reply;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How platform modules ask another registry for data: through the exchange, as a client subsystem of the
 * directory, with the same access rights, purpose and consent checks, message log and seals as an agency calling
 * over HTTP. There is no other way in.
 */
@Service
public class Exchange {

    private final Gateway gateway;

    Exchange(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A request as a client sends it.
     *
     * @param path    the path after the service code, e.g. {@code /УБ90052114}
     * @param userId  the official on whose behalf ({@code MN} + id), or null
     * @param issue   the purpose or legal basis ({@code X-Road-Issue})
     * @param consent a consent id or one-time code, for consent-required services, or null
     */
    public record Request(String method, String path, String userId, String issue, String consent, String contentType, byte[] body) {

        public static Request get(String path, String issue) {
            return new Request("GET", path, null, issue, null, null, null);
        }
    }

    /**
     * The answer: the provider's status and body, or an exchange error ({@code error} = the PR-REST type).
     */
    public record Response(int status, Map<String, String> headers, String contentType, byte[] body, String error) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return error == null && status < 400;
        }
    }

    /**
     * Calls a service.
     *
     * @param module  the calling module (written to the message log as how the client was authenticated)
     * @param client  the client subsystem, e.g. {@code MN/GOV/9011009/portal}
     * @param service the service, e.g. {@code MN/GOV/9011002/civil-registry/person}
     */
    public Response call(String module, String client, String service, Request request) {
        XRoadId clientId;
        XRoadId serviceId;
        try {
            clientId = XRoadId.client(client);
        } catch (IllegalArgumentException e) {
            return answer(gateway.refuse(new ExchangeError(ExchangeError.BAD_REQUEST, "Malformed client identifier"), null, service));
        }
        try {
            String[] parts = service.split("/");
            if (parts.length != 5) {
                throw new IllegalArgumentException("five parts");
            }
            serviceId = XRoadId.service(String.join("/", parts[0], parts[1], parts[2], parts[3]), parts[4]);
        } catch (IllegalArgumentException e) {
            return answer(gateway.refuse(new ExchangeError(ExchangeError.BAD_REQUEST, "Malformed service identifier"), client, null));
        }
        String path = request.path() == null ? "" : request.path();
        return answer(gateway.process(new Call(clientId, serviceId, request.method(), path, null, Map.of(), null, request.userId(),
                request.issue(), null, request.consent(), request.contentType(), request.body() == null ? new byte[0] : request.body(),
                "internal:" + module)));
    }

    private static Response answer(Reply r) {
        return new Response(r.status(), r.headers(), r.contentType(), r.body(), r.headers().get("X-Road-Error"));
    }

}
