package mn.zasag.feedback.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public dashboard's numbers: counts of cases by one dimension at a time, the share answered on
 * time and the median days to an answer. Aggregates only, never a case's text or contact.
 */
@Component
public class FeedbackStatistics {

    public record Count(String key, long count) {
    }

    public record Summary(long total, long answered, long answeredOnTime, Double medianDaysToAnswer) {
        public int onTimePercent() {
            return answered == 0 ? 0 : (int) Math.round(100.0 * answeredOnTime / answered);
        }
    }

    /** The dimensions and the SQL expression each groups by; fixed here, never taken from a request. */
    public static final Map<String, String> DIMENSIONS = dimensions();

    private final JdbcClient jdbc;

    FeedbackStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> dimensions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("agency", "agency_code");
        d.put("category", "category");
        d.put("channel", "channel");
        d.put("status", "status");
        d.put("division", "coalesce(left(division_code, 2), '-')");
        d.put("month", "to_char(received_at at time zone 'Asia/Ulaanbaatar', 'YYYY-MM')");
        return d;
    }

    public List<Count> by(String dimension) {
        String expression = DIMENSIONS.get(dimension);
        if (expression == null) {
            throw new IllegalArgumentException(dimension);
        }
        String order = "month".equals(dimension) ? "1" : "2 desc, 1";
        return jdbc.sql("select " + expression + " as k, count(*) as n from feedback.feedback_case group by 1 order by " + order)
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
    }

    public Summary summary() {
        return jdbc.sql("""
                        select count(*) as total,
                               count(answered_at) as answered,
                               count(*) filter (where answered_at is not null and answered_at <= due_at) as on_time,
                               percentile_cont(0.5) within group (order by extract(epoch from answered_at - received_at) / 86400.0)
                                   filter (where answered_at is not null) as median_days
                        from feedback.feedback_case""")
                .query((rs, n) -> new Summary(rs.getLong("total"), rs.getLong("answered"), rs.getLong("on_time"),
                        (Double) rs.getObject("median_days")))
                .single();
    }
}
