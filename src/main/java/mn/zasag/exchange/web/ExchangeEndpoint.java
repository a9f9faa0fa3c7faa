package mn.zasag.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.exchange.ExchangeError;
import mn.zasag.exchange.XRoadId;
import mn.zasag.exchange.internal.Call;
import mn.zasag.exchange.internal.ClientAuthentication;
import mn.zasag.exchange.internal.Gateway;
import mn.zasag.exchange.internal.Metaservices;
import mn.zasag.exchange.internal.Reply;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PR-REST 1.0 message protocol: {@code {METHOD} /r1/{instance}/{class}/{member}/{subsystem}/{service}[/path]} with
 * {@code X-Road-Client}, and the REST metaservices (PR-MREST) {@code listMethods}, {@code allowedMethods},
 * {@code getOpenAPI} at the service code's place and {@code GET /listClients}. Everything is answered here, errors
 * included, so no failure leaves without {@code X-Road-Error}.
 */
@RestController
class ExchangeEndpoint {

    private final Gateway gateway;
    private final ClientAuthentication authentication;
    private final Metaservices metaservices;
    private final int maxBody;

    ExchangeEndpoint(Gateway gateway, ClientAuthentication authentication, Metaservices metaservices,
                     @Value("${zasag.exchange.max-body-bytes:1048576}") int maxBody) {
        this.gateway = gateway;
        this.authentication = authentication;
        this.metaservices = metaservices;
        this.maxBody = maxBody;
    }

    @RequestMapping("/listClients")
    @PreAuthorize("permitAll()")
    void listClients(HttpServletResponse response) throws IOException {
        write(response, metaservices.listClients());
    }

    @RequestMapping("/r1/**")
    @PreAuthorize("permitAll()")
    void call(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String clientHeader = request.getHeader("X-Road-Client");
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        List<String> parts = new ArrayList<>(Arrays.asList(uri.substring("/r1/".length()).split("/", -1)));
        XRoadId client;
        try {
            if (clientHeader == null || clientHeader.isBlank()) {
                throw new IllegalArgumentException("missing");
            }
            client = XRoadId.client(clientHeader);
        } catch (IllegalArgumentException e) {
            write(response, gateway.refuse(new ExchangeError(ExchangeError.BAD_REQUEST, clientHeader == null || clientHeader.isBlank()
                    ? "The X-Road-Client header is missing"
                    : "Malformed X-Road-Client header: expected INSTANCE/CLASS/MEMBER/SUBSYSTEM"), null, null));
            return;
        }
        XRoadId service;
        String path;
        try {
            if (parts.size() < 5) {
                throw new IllegalArgumentException("short");
            }
            List<String> decoded = new ArrayList<>();
            for (String p : parts.subList(0, 5)) {
                decoded.add(URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            service = XRoadId.of(decoded, 5);
            path = parts.size() > 5 ? "/" + URLDecoder.decode(String.join("/", parts.subList(5, parts.size())).replace("+", "%2B"),
                    StandardCharsets.UTF_8) : "";
        } catch (IllegalArgumentException e) {
            write(response, gateway.refuse(new ExchangeError(ExchangeError.BAD_REQUEST,
                    "Error parsing the client's REST request: expected /r1/{instance}/{class}/{member}/{subsystem}/{service}[/path]"
                            + " (X-Road Message Protocol for REST r1)"), client.toString(), null));
            return;
        }
        String authenticated;
        try {
            authenticated = authentication.authenticate(request, client.toString());
        } catch (ExchangeError e) {
            write(response, gateway.refuse(e, client.toString(), service.toString()));
            return;
        }
        if (Metaservices.NAMES.contains(service.service()) && path.isEmpty()) {
            write(response, metaservices.answer(service.service(), client.toString(), service.subsystemId().toString(),
                    request.getParameter("serviceCode")));
            return;
        }
        byte[] body;
        try {
            body = read(request);
        } catch (ExchangeError e) {
            write(response, gateway.refuse(e, client.toString(), service.toString()));
            return;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, List.of(v)));
        write(response, gateway.process(new Call(client, service, request.getMethod(), path, request.getQueryString(), query,
                request.getHeader("X-Road-Id"), request.getHeader("X-Road-UserId"), request.getHeader("X-Road-Issue"),
                request.getHeader("X-Road-Represented-Party"), request.getHeader(Gateway.CONSENT_HEADER), request.getContentType(),
                body, authenticated)));
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ExchangeError tooLarge() {
        return new ExchangeError(ExchangeError.BAD_REQUEST, "The request body is larger than the limit of " + maxBody + " bytes");
    }

    private static void write(HttpServletResponse response, Reply reply) throws IOException {
        response.setStatus(reply.status());
        reply.headers().forEach((name, value) -> {
            if (value != null) {
                response.setHeader(name, value);
            }
        });
        if (reply.contentType() != null) {
            response.setContentType(reply.contentType());
        }
        byte[] body = reply.body() == null ? new byte[0] : reply.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}
