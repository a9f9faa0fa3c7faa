package mn.zasag.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.feedback.CaseKind;
import mn.zasag.feedback.CaseNotFound;
import mn.zasag.feedback.Category;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.feedback.TooManyCases;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.Categories;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.Open311Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: categories are its services; citizens' apps post requests
 * with an API key; only cases whose citizen allowed publication are listed, with their redacted text.
 * Errors are the spec's lists of {@code code} and {@code description}, not problem details.
 */
@RestController
class Open311Api {

    private static final String BASE = "/open311/v2";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Categories categories;
    private final FeedbackCases cases;
    private final CaseStore store;
    private final JsonMapper json;
    private final Open311Keys keys;
    private final String publicUrl;
    private final java.time.Clock clock;

    Open311Api(Categories categories, FeedbackCases cases, CaseStore store, JsonMapper json,
               Open311Keys keys,
               @Value("${zasag.public-url:http://localhost:8080}") String publicUrl, java.time.Clock clock) {
        this.clock = clock;
        this.categories = categories;
        this.cases = cases;
        this.store = store;
        this.json = json;
        this.keys = keys;
        this.publicUrl = publicUrl;
    }

    /** A refusal in the spec's terms: an HTTP status and a description. */
    static final class Open311Error extends RuntimeException {
        final int status;

        Open311Error(int status, String description) {
            super(description);
            this.status = status;
        }
    }

    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/discovery.{format:json|xml}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", publicUrl + BASE);
        endpoint.put("changeset", "2026-11-27T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeset", "2026-11-27T00:00:00+08:00");
        body.put("contact", "11-11 centre, phone 1111, SMS 141111");
        body.put("key_service", "API keys are issued by the 11-11 centre (CITA)");
        body.put("endpoints", List.of(endpoint));
        return Open311Format.render(200, format, "discovery", body, json);
    }

    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/services.{format:json|xml}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam(defaultValue = "mn") String locale) {
        List<Map<String, Object>> list = categories.all().stream().map(c -> service(c, locale)).toList();
        return Open311Format.render(200, format, "services", list, json);
    }

    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/services/{code}.{format:json|xml}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        categories.find(code).orElseThrow(() -> new Open311Error(404, "service_code " + code + " not found"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_code", code);
        body.put("attributes", List.of());
        return Open311Format.render(200, format, "service_definition", body, json);
    }

    @PreAuthorize("permitAll()")
    @PostMapping(BASE + "/requests.{format:json|xml}")
    ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request,
                                  @RequestParam(name = "api_key", required = false) String apiKey,
                                  @RequestParam(name = "service_code", required = false) String serviceCode,
                                  @RequestParam(name = "lat", required = false) Double lat,
                                  @RequestParam(name = "long", required = false) Double lon,
                                  @RequestParam(name = "address_string", required = false) String address,
                                  @RequestParam(name = "address_id", required = false) String addressId,
                                  @RequestParam(name = "description", required = false) String description,
                                  @RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "phone", required = false) String phone,
                                  @RequestParam(name = "first_name", required = false) String firstName,
                                  @RequestParam(name = "last_name", required = false) String lastName,
                                  @RequestParam(name = "publish", required = false) Boolean publish) {
        if (!keys.valid(apiKey)) {
            throw new Open311Error(403, "api_key missing or not valid");
        }
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new Open311Error(400, "service_code is required");
        }
        Category category = categories.find(serviceCode)
                .orElseThrow(() -> new Open311Error(404, "service_code " + serviceCode + " not found"));
        boolean located = lat != null && lon != null || notBlank(address) || notBlank(addressId);
        if (!located) {
            throw new Open311Error(400, "lat and long, address_string or address_id is required");
        }
        String text = description == null ? "" : description;
        if (notBlank(address)) {
            text = text + "\n[" + address.strip() + "]";
        }
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        FeedbackCase c = cases.file(new NewCase(CaseKind.COMPLAINT, category.code(), notBlank(addressId) ? addressId.strip() : null,
                lat, lon, text, name, phone, email, null, IntakeChannel.OPEN311, "mn", Boolean.TRUE.equals(publish),
                null, "ip:" + request.getRemoteAddr()), "open311");
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", c.reference());
        created.put("service_notice", "Answer within 30 days");
        created.put("account_id", null);
        return Open311Format.render(201, format, "service_requests", List.of(created), json);
    }

    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/requests.{format:json|xml}")
    ResponseEntity<String> requests(@PathVariable String format,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String serviceCode,
                                    @RequestParam(name = "start_date", required = false) String start,
                                    @RequestParam(name = "end_date", required = false) String end,
                                    @RequestParam(name = "status", required = false) String status) {
        List<String> references = ids == null ? null : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Boolean open = null;
        if (status != null) {
            open = switch (status) {
                case "open" -> true;
                case "closed" -> false;
                default -> throw new Open311Error(400, "status must be open or closed");
            };
        }
        OffsetDateTime from = date(start, "start_date");
        OffsetDateTime to = date(end, "end_date");
        if (references == null && from == null && to == null) {
            from = OffsetDateTime.now(clock).minusDays(90);
        }
        List<Map<String, Object>> list = store.published(references, serviceCode, from, to, open, 1000).stream()
                .map(this::request).toList();
        return Open311Format.render(200, format, "service_requests", list, json);
    }

    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/requests/{id}.{format:json|xml}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
        List<FeedbackCase> found = store.published(List.of(id), null, null, null, null, 1);
        if (found.isEmpty()) {
            throw new Open311Error(404, "service_request_id " + id + " not found");
        }
        return Open311Format.render(200, format, "service_requests", List.of(request(found.get(0))), json);
    }

    /** Our requests get their id at once, so a token is the id itself. */
    @PreAuthorize("permitAll()")
    @GetMapping(BASE + "/tokens/{token}.{format:json|xml}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        try {
            FeedbackCase c = cases.get(token);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("service_request_id", c.reference());
            body.put("token", token);
            return Open311Format.render(200, format, "service_requests", List.of(body), json);
        } catch (CaseNotFound e) {
            throw new Open311Error(404, "token " + token + " not found");
        }
    }

    private Map<String, Object> service(Category c, String locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", "en".equals(locale) ? c.nameEn() : c.nameMn());
        s.put("description", c.nameEn());
        s.put("metadata", false);
        s.put("type", "realtime");
        s.put("keywords", c.code().replace('_', ','));
        s.put("group", c.agencyCode());
        return s;
    }

    private Map<String, Object> request(FeedbackCase c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.reference());
        r.put("status", c.status().isOpen() ? "open" : "closed");
        r.put("status_notes", c.status().name());
        r.put("service_name", categories.find(c.category()).map(Category::nameEn).orElse(c.category()));
        r.put("service_code", c.category());
        r.put("description", c.publicText());
        r.put("agency_responsible", c.agencyCode());
        r.put("service_notice", null);
        r.put("requested_datetime", W3C.format(c.receivedAt()));
        r.put("updated_datetime", W3C.format(c.updatedAt()));
        r.put("expected_datetime", W3C.format(c.dueAt()));
        r.put("address", null);
        r.put("address_id", c.divisionCode());
        r.put("zipcode", null);
        r.put("lat", c.latitude());
        r.put("long", c.longitude());
        r.put("media_url", null);
        return r;
    }

    @ExceptionHandler(Open311Error.class)
    ResponseEntity<String> refused(Open311Error e, HttpServletRequest request) {
        return error(e.status, e.getMessage(), request);
    }

    /** GeoReport knows 400 for any invalid parameter; the description carries our stable code. */
    @ExceptionHandler(FeedbackRefused.class)
    ResponseEntity<String> refused(FeedbackRefused e, HttpServletRequest request) {
        return error(400, e.code(), request);
    }

    @ExceptionHandler(TooManyCases.class)
    ResponseEntity<String> flooded(TooManyCases e, HttpServletRequest request) {
        return error(429, e.code(), request);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
                                        HttpServletRequest request) {
        return error(400, e.getName() + " is not valid", request);
    }

    private ResponseEntity<String> error(int status, String description, HttpServletRequest request) {
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return Open311Format.render(status, format, "errors", List.of(error), json);
    }

    private static OffsetDateTime date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Open311Error(400, name + " must be a W3C date-time, e.g. 2026-11-01T00:00:00+08:00");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
