package mn.zasag.exchange.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Operational figures per service from the {@code zasag.exchange.requests} timers (the same ones Prometheus scrapes
 * as {@code zasag_exchange_requests_seconds}): calls, errors and latency percentiles since this node started.
 */
@Component
public class ExchangeMetrics {

    public record ServiceFigures(String service, long count, long errors, double p50Ms, double p99Ms) {
    }

    private final MeterRegistry meters;

    ExchangeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public List<ServiceFigures> perService() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> latency = new TreeMap<>();
        for (Timer t : meters.find("zasag.exchange.requests").timers()) {
            String service = t.getId().getTag("service");
            String outcome = t.getId().getTag("outcome");
            long[] c = counts.computeIfAbsent(service, k -> new long[2]);
            c[0] += t.count();
            if (!"ok".equals(outcome)) {
                c[1] += t.count();
            }
            if ("ok".equals(outcome)) {
                double[] l = latency.computeIfAbsent(service, k -> new double[2]);
                for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
                    if (v.percentile() == 0.5) {
                        l[0] = v.value(TimeUnit.MILLISECONDS);
                    } else if (v.percentile() == 0.99) {
                        l[1] = v.value(TimeUnit.MILLISECONDS);
                    }
                }
            }
        }
        List<ServiceFigures> figures = new ArrayList<>();
        counts.forEach((service, c) -> {
            double[] l = latency.getOrDefault(service, new double[2]);
            figures.add(new ServiceFigures(service, c[0], c[1], Math.round(l[0] * 10) / 10.0, Math.round(l[1] * 10) / 10.0));
        });
        return figures;
    }
}
