package mn.zasag.exchange.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExchangeEndpoint.class);

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
        try {
            exchange(request, response);
        } catch (ExchangeError e) {
            write(response, gateway.refuse(e, null, null));
        } catch (RuntimeException e) {
            log.error("exchange request failed before processing", e);
            write(response, gateway.refuse(new ExchangeError(ExchangeError.CLIENT_PROXY_INTERNAL, "Internal error of the exchange"),
                    null, null));
        }
    }

    private void exchange(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String clientHeader = header(request, "X-Road-Client");
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
        String messageId;
        String userId;
        String issue;
        String represented;
        String consent;
        try {
            messageId = header(request, "X-Road-Id");
            userId = header(request, "X-Road-UserId");
            issue = header(request, "X-Road-Issue");
            represented = header(request, "X-Road-Represented-Party");
            consent = header(request, Gateway.CONSENT_HEADER);
        } catch (ExchangeError e) {
            write(response, gateway.refuse(e, client.toString(), service.toString()));
            return;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, List.of(v)));
        write(response, gateway.process(new Call(client, service, request.getMethod(), path, request.getQueryString(), query,
                messageId, userId, issue, represented, consent, request.getContentType(),
                body, authenticated)));
    }

    /**
     * A header's text. Servlet containers read header bytes as ISO-8859-1; clients send a Mongolian purpose either as
     * raw UTF-8 (as curl does), which is decoded back here, or percent-encoded UTF-8 (as PR-REST does for identifiers).
     */
    static String header(HttpServletRequest request, String name) {
        String value;
        try {
            value = request.getHeader(name);
        } catch (RuntimeException rejectedByFirewall) {
            // Spring Security's firewall refuses the ISO-8859-1 reading of UTF-8 bytes; read the container's value and
            // check it here instead
            ServletRequest raw = request;
            while (raw instanceof ServletRequestWrapper wrapper) {
                raw = wrapper.getRequest();
            }
            value = ((HttpServletRequest) raw).getHeader(name);
        }
        if (value == null) {
            return null;
        }
        String text = value;
        if (value.chars().allMatch(c -> c < 256) && value.chars().anyMatch(c -> c >= 128)) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
            } catch (CharacterCodingException e) {
                throw new ExchangeError(ExchangeError.BAD_REQUEST, "Header " + name + " is neither ASCII nor UTF-8");
            }
        } else if (value.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                text = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                text = value;
            }
        }
        if (text.chars().anyMatch(Character::isISOControl) || text.length() > 1000) {
            throw new ExchangeError(ExchangeError.BAD_REQUEST, "Header " + name + " holds control characters or is too long");
        }
        return text;
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
