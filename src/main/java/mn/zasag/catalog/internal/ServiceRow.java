package mn.zasag.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One line of {@code services.tsv}, parsed and checked for its own shape (references to other files: the loader). */
record ServiceRow(String code, int version, String agency, String nameMn, String nameEn, String category, String lifeEvent,
                  List<String> channels, Long feeMnt, Integer daysToDecide, String form, List<String> documentsRequired,
                  List<String> documentsProduced, String descriptionMn, String descriptionEn, String eligibilityMn,
                  String eligibilityEn, String source) {

    static final Set<String> CHANNELS = Set.of("online", "kiosk", "office");

    static ServiceRow parse(CatalogLoader.Row row) {
        String[] c = row.cells();
        row.require(c[0].matches("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"), "bad code " + c[0]);
        row.require(c[1].matches("^[1-9][0-9]{0,8}$"), "bad version " + c[1]);
        List<String> channels = list(c[7]);
        row.require(!channels.isEmpty() && CHANNELS.containsAll(channels), "bad channels " + c[7]);
        row.require(c[8].equals("?") || c[8].matches("^[0-9]{1,10}$"), "fee must be a number or ?: " + c[8]);
        row.require(c[9].equals("?") || c[9].matches("^[0-9]{1,3}$") && Integer.parseInt(c[9]) <= 365, "days must be 0-365 or ?: " + c[9]);
        row.require(!c[3].isBlank() && !c[4].isBlank() && !c[13].isBlank() && !c[14].isBlank(), "names and descriptions are required");
        row.require(!c[17].isBlank(), "source is required");
        return new ServiceRow(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5], blankToNull(c[6]), channels,
                c[8].equals("?") ? null : Long.valueOf(c[8]), c[9].equals("?") ? null : Integer.valueOf(c[9]), blankToNull(c[10]),
                list(c[11]), list(c[12]), c[13], c[14], c[15], c[16], c[17]);
    }

    List<String> documents() {
        List<String> all = new ArrayList<>(documentsRequired);
        all.addAll(documentsProduced);
        return all;
    }

    static List<String> list(String cell) {
        return cell.isBlank() ? List.of()
                : List.copyOf(new LinkedHashSet<>(Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
