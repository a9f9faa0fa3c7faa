package mn.zasag.catalog.internal;

/** The two folded keys a service is searched by: its names (weighed more) and its other texts. */
final class SearchKeys {

    private SearchKeys() {
    }

    static String name(String nameMn, String nameEn) {
        return Transliteration.fold(nameMn + " " + nameEn);
    }

    /** Descriptions, and the owning agency's names, so «цагдаа» finds the police's services. */
    static String text(String descriptionMn, String descriptionEn, String agencyMn, String agencyEn) {
        return Transliteration.fold(descriptionMn + " " + descriptionEn + " " + agencyMn + " " + agencyEn);
    }
}
