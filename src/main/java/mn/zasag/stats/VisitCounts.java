package mn.zasag.stats;

/** Visits to the portal's pages, counted once per browser session. */
public record VisitCounts(long thisMonth, long thisYear, long total) {
}
