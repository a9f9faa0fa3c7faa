package mn.zasag.feedback.web;

import mn.zasag.feedback.internal.Categories;
import mn.zasag.feedback.internal.FeedbackStatistics;
import mn.zasag.registry.Divisions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public 11-11 dashboard and its CSV: how many cases, where they went, how fast they were answered. */
@Controller
class StatisticsPages {

    record Row(String key, String label, long count) {
    }

    private final FeedbackStatistics statistics;
    private final Categories categories;
    private final Divisions divisions;

    StatisticsPages(FeedbackStatistics statistics, Categories categories, Divisions divisions) {
        this.statistics = statistics;
        this.categories = categories;
        this.divisions = divisions;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/stats")
    String dashboard(Model model, Locale locale) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        Map<String, Long> maxima = new LinkedHashMap<>();
        for (String dimension : FeedbackStatistics.DIMENSIONS.keySet()) {
            List<Row> rows = statistics.by(dimension).stream()
                    .map(c -> new Row(c.key(), label(dimension, c.key(), locale), c.count())).toList();
            tables.put(dimension, rows);
            maxima.put(dimension, rows.stream().mapToLong(Row::count).max().orElse(1));
        }
        model.addAttribute("tables", tables);
        model.addAttribute("maxima", maxima);
        model.addAttribute("summary", statistics.summary());
        return "feedback/stats";
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/feedback/stats.csv")
    ResponseEntity<String> csv() {
        StringBuilder out = new StringBuilder("dimension,key,count\n");
        for (String dimension : FeedbackStatistics.DIMENSIONS.keySet()) {
            for (FeedbackStatistics.Count c : statistics.by(dimension)) {
                out.append(dimension).append(',').append(csvField(c.key())).append(',').append(c.count()).append('\n');
            }
        }
        FeedbackStatistics.Summary s = statistics.summary();
        out.append("summary,total,").append(s.total()).append('\n')
                .append("summary,answered,").append(s.answered()).append('\n')
                .append("summary,answered_on_time,").append(s.answeredOnTime()).append('\n')
                .append("summary,median_days_to_answer,").append(s.medianDaysToAnswer() == null ? "" : String.format(Locale.ROOT, "%.1f", s.medianDaysToAnswer())).append('\n');
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"11-11-statistics.csv\"")
                .body(out.toString());
    }

    private String label(String dimension, String key, Locale locale) {
        return switch (dimension) {
            case "category" -> categories.find(key).map(c -> c.name(locale)).orElse(key);
            case "division" -> divisions.find(key).map(d -> d.name(locale)).orElse(key);
            default -> key;
        };
    }

    private static String csvField(String value) {
        String v = value == null ? "" : value;
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
