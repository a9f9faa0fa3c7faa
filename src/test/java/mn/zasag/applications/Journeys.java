package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.applications.internal.CitizenJourney;
import mn.zasag.applications.internal.FormDefinition;
import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.applications.internal.Forms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Walks a form the way a browser does, over HTTP: start, every page the skip logic leaves (answers from the map,
 * else the definition's {@code example}, else nothing for optional questions), check answers and submit; and
 * approves as an officer. Any page that answers with errors instead of moving on fails the walk with the page's
 * error summary, so a test of a form definition shows what is wrong.
 *
 * <p>Autowire it in {@code @ZasagTest} classes. Answers for dates are {@code yyyy-MM-dd} or {@code today±N(d|m|y)};
 * for checkboxes comma-joined values; for files a file name ({@code .png}, {@code .jpg}, else a PDF is sent).
 */
@Component
public class Journeys {

    private static final Pattern REFERENCE = Pattern.compile("/applications/(A-[0-9]{4}-[0-9]{6})");
    /** The smallest PDF, PNG and JPEG heads the engine recognises by content. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    private final Forms forms;
    private final ApplicationStore store;
    private final JdbcClient jdbc;

    Journeys(Forms forms, ApplicationStore store, JdbcClient jdbc) {
        this.forms = forms;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Applies for the form as the logged-in citizen and returns the application's reference. */
    public String apply(MockMvc mvc, Cookie citizen, String formId, Map<String, String> answers) throws Exception {
        String reference = start(mvc, citizen, formId);
        fill(mvc, citizen, reference, answers);
        submit(mvc, citizen, reference);
        return reference;
    }

    /** Starts (or resumes) the citizen's draft and returns its reference. */
    public String start(MockMvc mvc, Cookie citizen, String formId) throws Exception {
        MvcResult r = mvc.perform(get("/apply/" + formId + "/start").cookie(citizen)).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        if (location == null) {
            throw new AssertionError("starting " + formId + " gave " + r.getResponse().getStatus() + " without a redirect");
        }
        Matcher m = REFERENCE.matcher(location);
        if (!m.find()) {
            throw new AssertionError("starting " + formId + " led to " + location);
        }
        return m.group(1);
    }

    /** Answers every page still to answer, in order. */
    public void fill(MockMvc mvc, Cookie citizen, String reference, Map<String, String> answers) throws Exception {
        for (int guard = 0; guard < 100; guard++) {
            Application a = store.find(reference).orElseThrow();
            FormDefinition form = forms.find(a.formId()).orElseThrow();
            Optional<FormDefinition.Located> next = CitizenJourney.firstUndone(form, a);
            if (next.isEmpty()) {
                return;
            }
            MvcResult r = mvc.perform(page(form, a, next.get().page(), answers).cookie(citizen).with(csrf())).andReturn();
            if (r.getResponse().getRedirectedUrl() == null) {
                throw new AssertionError("page " + next.get().page().id() + " of " + form.id() + " was not accepted: "
                        + errors(r.getResponse().getContentAsString()));
            }
        }
        throw new AssertionError("the form never ended");
    }

    /** The post of one page with the answers (files as multipart). */
    public AbstractMockHttpServletRequestBuilder<?> page(FormDefinition form, Application a, FormDefinition.Page page,
                                                         Map<String, String> answers) {
        String url = "/applications/" + a.reference() + "/page/" + page.id();
        boolean files = page.questions().stream().anyMatch(Question::isFile);
        AbstractMockHttpServletRequestBuilder<?> b = files ? multipart(url) : post(url);
        b.param("formVersion", Integer.toString(a.formVersion()));
        for (Question q : page.questions()) {
            if (CitizenJourney.locked(form, a, q)) {
                continue;
            }
            String v = answers.containsKey(q.id()) ? answers.get(q.id()) : q.example();
            if (v == null && q.optionsFrom() != null) {
                List<String> options = CitizenJourney.optionValues(a, q);
                v = options.isEmpty() ? null : options.get(0);
            }
            if (v == null && a.answers().containsKey(q.id())) {
                v = a.answers().get(q.id());
                if (q.isFile()) {
                    continue; // uploaded before: kept
                }
            }
            if (v == null && q.isFile() && q.required()) {
                v = q.id() + (q.accept().contains("application/pdf") ? ".pdf" : q.accept().contains("image/png") ? ".png" : ".jpg");
            }
            if (v == null) {
                continue;
            }
            switch (q.type()) {
                case "date" -> {
                    LocalDate d = date(v);
                    b.param(q.id() + "-day", Integer.toString(d.getDayOfMonth()));
                    b.param(q.id() + "-month", Integer.toString(d.getMonthValue()));
                    b.param(q.id() + "-year", Integer.toString(d.getYear()));
                }
                case "choices" -> b.param(q.id(), v.split(","));
                case "file" -> {
                    String name = v.contains(".") ? v : q.id() + ".pdf";
                    byte[] content = name.endsWith(".png") ? PNG : name.endsWith(".jpg") || name.endsWith(".jpeg") ? JPEG : PDF;
                    String type = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") ? "image/jpeg" : "application/pdf";
                    ((MockMultipartHttpServletRequestBuilder) b).file(new MockMultipartFile(q.id(), name, type, content));
                }
                default -> b.param(q.id(), v);
            }
        }
        return b;
    }

    /** Opens check answers and sends with its token. */
    public void submit(MockMvc mvc, Cookie citizen, String reference) throws Exception {
        mvc.perform(get("/applications/" + reference + "/check").cookie(citizen)).andReturn();
        Application a = store.find(reference).orElseThrow();
        MvcResult r = mvc.perform(post("/applications/" + reference + "/submit").cookie(citizen).with(csrf())
                .param("token", a.submitToken()).param("revision", Integer.toString(a.revision()))).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        if (location == null || !location.endsWith("/confirmation")) {
            throw new AssertionError("submitting " + reference + " led to " + location + " (" + state(reference) + ")");
        }
    }

    /**
     * Approves as an officer of the deciding agency, answering the decision fields (from the map, else their examples).
     * Fails unless the application ends approved (or with its document issued).
     */
    public void approve(MockMvc mvc, Cookie officer, String reference, Map<String, String> decisionAnswers) throws Exception {
        Application a = store.find(reference).orElseThrow();
        FormDefinition form = forms.find(a.formId()).orElseThrow();
        MockHttpServletRequestBuilder b = post("/office/applications/" + reference + "/approve").cookie(officer).with(csrf());
        for (Question q : form.decisionOrDefault().fields()) {
            String v = decisionAnswers.containsKey(q.id()) ? decisionAnswers.get(q.id()) : q.example();
            if (v == null) {
                continue;
            }
            if (q.isDate()) {
                LocalDate d = date(v);
                b.param(q.id() + "-day", Integer.toString(d.getDayOfMonth()));
                b.param(q.id() + "-month", Integer.toString(d.getMonthValue()));
                b.param(q.id() + "-year", Integer.toString(d.getYear()));
            } else {
                b.param(q.id(), v);
            }
        }
        MvcResult r = mvc.perform(b).andReturn();
        String state = state(reference);
        if (!Application.APPROVED.equals(state) && !Application.DOCUMENT_ISSUED.equals(state)) {
            throw new AssertionError("approving " + reference + " left it " + state + ": " + r.getResponse().getStatus() + " "
                    + r.getFlashMap() + " " + errors(r.getResponse().getContentAsString()));
        }
    }

    /** The application's state, e.g. {@code submitted}, {@code document_issued}. */
    public String state(String reference) {
        return jdbc.sql("select state from applications.application where reference = :r").param("r", reference)
                .query(String.class).optional().orElse(null);
    }

    /** A date answer: ISO or relative to today ({@code today+10d}, {@code today-18y}). */
    public static LocalDate date(String v) {
        if (!v.startsWith("today")) {
            return LocalDate.parse(v);
        }
        LocalDate today = LocalDate.now();
        if (v.equals("today")) {
            return today;
        }
        String rest = v.substring(5);
        long n = (rest.charAt(0) == '-' ? -1 : 1) * Long.parseLong(rest.substring(1, rest.length() - 1));
        return switch (rest.charAt(rest.length() - 1)) {
            case 'd' -> today.plusDays(n);
            case 'm' -> today.plusMonths(n);
            default -> today.plusYears(n);
        };
    }

    private static String errors(String html) {
        int at = html.indexOf("error-summary");
        if (at < 0) {
            return html.length() > 400 ? html.substring(0, 400) : html;
        }
        int end = html.indexOf("</ul>", at);
        return html.substring(at, end < 0 ? Math.min(html.length(), at + 1000) : end).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }
}
