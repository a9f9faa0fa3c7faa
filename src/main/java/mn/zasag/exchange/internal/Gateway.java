package mn.zasag.exchange.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import mn.zasag.exchange.ExchangeError;
import mn.zasag.exchange.ServiceProvider;
import mn.zasag.exchange.XRoadId;
import mn.zasag.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one path every call takes, from an agency over HTTP or TLS and from a platform module in-process: find the
 * service, check the client's access right (default deny), the purpose and any consent, call the provider within
 * its timeout, add the X-Road headers, log and seal both messages, count it. Errors of the exchange itself become
 * {@link ExchangeError}s, answered with {@code X-Road-Error}; the provider's own answers pass through as they are.
 */
@Component
public class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    public static final String CONSENT_HEADER = "X-Zasag-Consent";

    private final JdbcClient jdbc;
    private final MessageLog messageLog;
    private final Consents consents;
    private final Map<String, ServiceProvider> providers;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService workers;

    Gateway(JdbcClient jdbc, MessageLog messageLog, Consents consents, List<ServiceProvider> providers, JsonMapper json, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.messageLog = messageLog;
        this.consents = consents;
        this.providers = providers.stream().collect(Collectors.toMap(ServiceProvider::key, Function.identity()));
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exchange-provider-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private record Target(String id, String provider, String logMode, boolean personalData, boolean consentRequired, int timeoutMs,
                          boolean enabled, String providerAgency) {
    }

    /** Processes one call; never throws: every failure is an answer with {@code X-Road-Error}. */
    public Reply process(Call call) {
        long started = System.nanoTime();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String messageId = call.messageId() == null || call.messageId().isBlank() ? UUID.randomUUID().toString() : call.messageId();
        String client = call.client().toString();
        String service = call.service().toString();
        Map<String, String> xroad = new LinkedHashMap<>();
        xroad.put("X-Road-Client", client);
        xroad.put("X-Road-Id", messageId);
        xroad.put("X-Road-UserId", call.userId());
        xroad.put("X-Road-Issue", call.issue());
        xroad.put("X-Road-Represented-Party", call.representedParty());
        xroad.put("Content-Type", call.contentType());
        String requestUri = "/r1/" + service + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery());
        String requestHash = RequestHash.of(call.method(), requestUri, xroad, call.body());

        Target target = null;
        String clientAgency = null;
        String subject = null;
        UUID consent = null;
        Reply reply;
        String errorType = null;
        try {
            if (messageId.length() > 100) {
                throw new ExchangeError(ExchangeError.BAD_REQUEST, "X-Road-Id is longer than 100 characters");
            }
            Lookup lookup = lookup(client, service);
            if (lookup.clientAgency() == null) {
                throw new ExchangeError(ExchangeError.INVALID_CLIENT, "Client " + client + " is not a subsystem in the directory");
            }
            clientAgency = lookup.clientAgency().isEmpty() ? null : lookup.clientAgency();
            if (lookup.target() == null) {
                throw new ExchangeError(ExchangeError.UNKNOWN_SERVICE, "Unknown service: " + service);
            }
            target = lookup.target();
            if (!target.enabled()) {
                throw new ExchangeError(ExchangeError.SERVICE_DISABLED, "Service " + service + " is disabled");
            }
            ServiceProvider provider = providers.get(target.provider());
            if (provider == null) {
                throw new ExchangeError(ExchangeError.SERVER_PROXY_INTERNAL, "No provider " + target.provider() + " on this node");
            }
            authorize(lookup.rights(), target.id(), client, call.method(), call.path());
            ServiceProvider.Request request = new ServiceProvider.Request(client, call.method(), call.path(), call.query(),
                    call.userId(), call.issue(), call.contentType(), call.body());
            subject = provider.subject(request).orElse(null);
            if (target.personalData() && (call.issue() == null || call.issue().isBlank())) {
                throw new ExchangeError(ExchangeError.PURPOSE_REQUIRED,
                        "Service " + service + " returns personal data: state the purpose or legal basis in X-Road-Issue");
            }
            if (target.consentRequired()) {
                if (subject == null) {
                    throw new ExchangeError(ExchangeError.CONSENT_REQUIRED, "The request names no person whose consent could apply");
                }
                consent = consents.use(call.consentProof(), subject, client, target.id()).orElseThrow(() ->
                        new ExchangeError(ExchangeError.CONSENT_REQUIRED, "Service " + service
                                + " requires the person's consent: send a valid consent id or one-time code in " + CONSENT_HEADER));
            }
            reply = invoke(provider, request, target.timeoutMs(), xroad, service, requestHash);
        } catch (ExchangeError e) {
            errorType = e.type();
            reply = error(e, messageId, client, service);
        } catch (RuntimeException e) {
            log.error("exchange failure for {} ({})", messageId, service, e);
            errorType = ExchangeError.SERVER_PROXY_INTERNAL;
            reply = error(new ExchangeError(errorType, "Internal error of the exchange"), messageId, client, service);
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        String mode = target == null ? "METADATA" : target.logMode();
        if (!"OFF".equals(mode)) {
            try {
                messageLog.write(new MessageLog.Entry(at, messageId, client, service, call.method(), call.path(), subject, call.userId(),
                        call.issue(), reply.status(), errorType, ms, mode, clientAgency, target == null ? null : target.providerAgency(),
                        record(call, at, messageId, client, service, requestHash, consent, mode, reply, errorType, ms)));
            } catch (RuntimeException e) {
                // a message that cannot be logged must not be answered: the log is the proof
                log.error("message log write failed for {}", messageId, e);
                errorType = ExchangeError.SERVER_PROXY_INTERNAL;
                reply = error(new ExchangeError(errorType, "The message could not be logged"), messageId, client, service);
            }
        }
        Timer.builder("zasag.exchange.requests").description("Calls through the data exchange")
                .tag("service", target == null ? "unknown" : target.id()).tag("outcome", errorType == null ? outcome(reply.status()) : errorType)
                .publishPercentiles(0.5, 0.95, 0.99).register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return reply;
    }

    private static String outcome(int status) {
        return status < 400 ? "ok" : "provider_" + status;
    }

    private Reply invoke(ServiceProvider provider, ServiceProvider.Request request, int timeoutMs, Map<String, String> xroad,
                         String service, String requestHash) {
        Future<ServiceProvider.Response> future = workers.submit(() -> provider.handle(request));
        ServiceProvider.Response response;
        try {
            response = future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ExchangeError(ExchangeError.TIMEOUT, "The provider did not answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeError(ExchangeError.SERVICE_FAILED, "Interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException p) {
                response = problem(p);
            } else {
                log.warn("provider {} failed", provider.key(), e.getCause());
                throw new ExchangeError(ExchangeError.SERVICE_FAILED, "The provider failed to answer");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Road-Client", xroad.get("X-Road-Client"));
        headers.put("X-Road-Service", service);
        headers.put("X-Road-Id", xroad.get("X-Road-Id"));
        headers.put("X-Road-Request-Hash", requestHash);
        return new Reply(response.status(), headers, response.contentType(), response.body());
    }

    private ServiceProvider.Response problem(ProblemException p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.status().getReasonPhrase());
        body.put("status", p.status().value());
        body.put("code", p.code());
        return new ServiceProvider.Response(p.status().value(), "application/problem+json",
                json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    Reply error(ExchangeError e, String messageId, String client, String service) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type());
        body.put("message", e.getMessage());
        body.put("detail", messageId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Road-Error", e.type());
        headers.put("X-Road-Id", messageId);
        if (client != null) {
            headers.put("X-Road-Client", client);
        }
        if (service != null) {
            headers.put("X-Road-Service", service);
        }
        return new Reply(e.status(), headers, "application/json;charset=utf-8", json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private record Lookup(String clientAgency, Target target, List<String[]> rights) {
    }

    /**
     * The client's member agency ("" for a member that is not an agency, null for an unknown client), the service
     * and the client's rights on it (its own and those of every group it is a member of now), in one round trip: this
     * runs on every call, so a change of rights or of group membership counts from the next call.
     */
    private Lookup lookup(String client, String service) {
        return jdbc.sql("""
                        select c.agency, t.id, t.provider, t.log_mode, t.personal_data, t.consent_required, t.timeout_ms, t.enabled,
                               t.agency_code, r.rights
                        from (select 1) x
                        left join lateral (select coalesce(m.agency_code, '') agency from exchange.subsystem s
                                           join exchange.member m on m.id = s.member_id where s.id = :client) c on true
                        left join lateral (select s.id, s.provider, s.log_mode, s.personal_data, s.consent_required, s.timeout_ms,
                                                  s.enabled, m.agency_code
                                           from exchange.service s join exchange.subsystem ss on ss.id = s.subsystem_id
                                           join exchange.member m on m.id = ss.member_id where s.id = :service) t on true
                        left join lateral (select array_agg(coalesce(e.method, '') || ' ' || coalesce(e.path, '')) rights
                                           from exchange.access_right ar left join exchange.endpoint e on e.id = ar.endpoint_id
                                           where ar.service_id = :service
                                             and (ar.client_id = :client or ar.group_id in (select gm.group_id from exchange.group_member gm
                                                                                           where gm.subsystem_id = :client))) r on true""")
                .param("client", client).param("service", service)
                .query((rs, n) -> {
                    Target target = rs.getString(2) == null ? null : new Target(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9));
                    List<String[]> rights = new java.util.ArrayList<>();
                    java.sql.Array array = rs.getArray(10);
                    if (array != null) {
                        for (Object o : (Object[]) array.getArray()) {
                            String r = (String) o;
                            int space = r.indexOf(' ');
                            rights.add(new String[]{r.substring(0, space), r.substring(space + 1)});
                        }
                    }
                    return new Lookup(rs.getString(1), target, rights);
                }).single();
    }

    /** Default deny: a right of the client or of one of its groups on the whole service (no endpoint), or on an endpoint whose method and path match. */
    private static void authorize(List<String[]> rights, String serviceId, String client, String method, String path) {
        boolean allowed = rights.stream().anyMatch(r -> r[0].isEmpty() || Endpoints.matches(r[0], r[1], method, path));
        if (!allowed) {
            throw new ExchangeError(ExchangeError.ACCESS_DENIED, "Request is not allowed: " + client + " has no right to "
                    + method + " " + (path.isEmpty() ? "/" : path) + " of " + serviceId);
        }
    }

    private Map<String, Object> record(Call call, OffsetDateTime at, String messageId, String client, String service, String requestHash,
                                       UUID consent, String mode, Reply reply, String errorType, int ms) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("format", "zasag-exchange-record/1");
        r.put("messageId", messageId);
        r.put("loggedAt", at.toString());
        r.put("client", client);
        r.put("service", service);
        r.put("authenticated", call.authenticated());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", call.method());
        request.put("path", call.path());
        request.put("query", call.rawQuery());
        request.put("userId", call.userId());
        request.put("issue", call.issue());
        request.put("representedParty", call.representedParty());
        request.put("consent", consent == null ? null : consent.toString());
        request.put("requestHash", requestHash);
        request.put("contentType", call.contentType());
        body(request, call.body(), mode);
        r.put("request", request);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", reply.status());
        response.put("error", errorType);
        response.put("contentType", reply.contentType());
        body(response, reply.body(), mode);
        r.put("response", response);
        r.put("durationMs", ms);
        return r;
    }

    private static void body(Map<String, Object> m, byte[] body, String mode) {
        byte[] b = body == null ? new byte[0] : body;
        m.put("bodySha256", Base64.getEncoder().encodeToString(MessageLog.sha256(b)));
        if ("FULL".equals(mode)) {
            m.put("body", Base64.getEncoder().encodeToString(b));
        }
    }

    /** The same error shape for errors found before a call is parsed (bad URL, missing X-Road-Client). */
    public Reply refuse(ExchangeError e, String client, String service) {
        meters.counter("zasag.exchange.refused", "outcome", e.type()).increment();
        return error(e, UUID.randomUUID().toString(), client, service);
    }

}
