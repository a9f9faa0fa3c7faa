package mn.zasag.applications.web;

import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.catalog.PublicService;
import mn.zasag.catalog.Services;
import mn.zasag.stats.VisitCounter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public performance page: for each online service the applications started and sent, the completion rate,
 * the median time to decide and the digital take-up, with the site's visitor counters; a bar chart drawn on the
 * server as SVG (no script: the CSP allows none from elsewhere), and the same figures as CSV.
 */
@Controller
class PerformancePage {

    private final ApplicationStore store;
    private final Services services;
    private final VisitCounter visits;

    PerformancePage(ApplicationStore store, Services services, VisitCounter visits) {
        this.store = store;
        this.services = services;
        this.visits = visits;
    }

    /** One service's figures; rates in whole percent, null when there is nothing to divide. */
    record Figures(String code, String name, long started, long submitted, long decided, Integer completion, String medianDays,
                   Integer uptake) {
    }

    /** A bar of the chart, laid out here so the template only prints numbers. */
    record Bar(String label, long value, int y, int width) {
    }

    List<Figures> figures(Locale locale) {
        Map<String, Map<String, Object>> byService = new LinkedHashMap<>();
        for (Map<String, Object> row : store.figures()) {
            byService.put((String) row.get("service"), row);
        }
        List<Figures> out = new ArrayList<>();
        for (PublicService s : services.online()) {
            Map<String, Object> f = byService.getOrDefault(s.code(), Map.of());
            long started = (long) f.getOrDefault("started", 0L);
            long submitted = (long) f.getOrDefault("submitted", 0L);
            long decided = (long) f.getOrDefault("decided", 0L);
            long online = (long) f.getOrDefault("online", 0L);
            Double median = (Double) f.get("medianDays");
            out.add(new Figures(s.code(), s.name(locale), started, submitted, decided,
                    started == 0 ? null : (int) Math.round(100.0 * submitted / started),
                    median == null ? null : String.format(Locale.ROOT, "%.1f", median),
                    submitted == 0 ? null : (int) Math.round(100.0 * online / submitted)));
        }
        return out;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/performance")
    String page(Model model, Locale locale) {
        List<Figures> figures = figures(locale);
        model.addAttribute("figures", figures);
        long started = figures.stream().mapToLong(Figures::started).sum();
        long submitted = figures.stream().mapToLong(Figures::submitted).sum();
        model.addAttribute("totalStarted", started);
        model.addAttribute("totalSubmitted", submitted);
        model.addAttribute("totalDecided", figures.stream().mapToLong(Figures::decided).sum());
        model.addAttribute("totalCompletion", started == 0 ? null : Math.round(100.0 * submitted / started));
        List<Figures> charted = figures.stream().filter(f -> f.submitted() > 0).toList();
        long max = charted.stream().mapToLong(Figures::submitted).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Figures f : charted) {
            bars.add(new Bar(f.code(), f.submitted(), y, (int) Math.max(2, Math.round(400.0 * f.submitted() / max))));
            y += 24;
        }
        model.addAttribute("bars", bars);
        model.addAttribute("chartHeight", Math.max(24, y));
        model.addAttribute("visits", visits.counts());
        return "applications/performance";
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/performance.csv")
    ResponseEntity<byte[]> csv(Locale locale) {
        StringBuilder csv = new StringBuilder("service,name,started,submitted,decided,completion_percent,median_days_to_decide,digital_uptake_percent\r\n");
        for (Figures f : figures(locale)) {
            csv.append(f.code()).append(',').append(quote(f.name())).append(',').append(f.started()).append(',')
                    .append(f.submitted()).append(',').append(f.decided()).append(',')
                    .append(f.completion() == null ? "" : f.completion()).append(',')
                    .append(f.medianDays() == null ? "" : f.medianDays()).append(',')
                    .append(f.uptake() == null ? "" : f.uptake()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"performance.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
