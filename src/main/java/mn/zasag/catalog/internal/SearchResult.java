package mn.zasag.catalog.internal;

import java.util.List;

/** One page of services found, with the total over all pages. */
public record SearchResult(List<ServiceDetail> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
