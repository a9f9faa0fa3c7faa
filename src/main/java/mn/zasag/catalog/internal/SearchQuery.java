package mn.zasag.catalog.internal;

/**
 * A search or browse of the catalogue; every part is optional.
 *
 * @param text      free text in Cyrillic or Latin, typos allowed (at most 200 characters)
 * @param page      1-based
 * @param size      1 to 100
 */
public record SearchQuery(String text, String agency, String category, String lifeEvent, int page, int size) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1000;
}
