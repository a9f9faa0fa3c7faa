package mn.zasag.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The divisions as every address chooser and every address label shows them, in the reader's language: one
 * group per aimag (or the capital) holding everything inside it, each labelled by its path («Баянзүрх, 1-р
 * хороо»). Public because every registry with an address (persons, entities, property…) shows the same choices.
 */
public final class DivisionChoices {

    /** One aimag (or the capital) and everything in it (soums, or districts and their khoroos), for a grouped select. */
    public record Group(String code, String label, List<Option> members) {
    }

    /** A choice in the division select, labelled with its whole path below the group. */
    public record Option(String code, String label) {
    }

    private DivisionChoices() {
    }

    public static List<Group> groups(Divisions divisions, Locale locale) {
        List<Division> all = divisions.all();
        Map<String, Division> byCode = byCode(all);
        List<Group> groups = new ArrayList<>();
        for (Division top : all) {
            if (top.parentCode() == null) {
                // codes are hierarchical: a division's code starts with its parent's, so all() lists a tree in order
                groups.add(new Group(top.code(), top.name(locale), all.stream()
                        .filter(d -> d.parentCode() != null && d.code().startsWith(top.code()))
                        .map(d -> new Option(d.code(), path(d, byCode, locale, top.code()))).toList()));
            }
        }
        return groups;
    }

    /** «Архангай, Цэцэрлэг», «Улаанбаатар, Баянзүрх, 1-р хороо» for each code. */
    public static Map<String, String> labels(Divisions divisions, Locale locale) {
        List<Division> all = divisions.all();
        Map<String, Division> byCode = byCode(all);
        Map<String, String> labels = new HashMap<>();
        all.forEach(d -> labels.put(d.code(), path(d, byCode, locale, null)));
        return labels;
    }

    private static Map<String, Division> byCode(List<Division> all) {
        Map<String, Division> byCode = new HashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        return byCode;
    }

    /** The names from the top (or from below {@code stopAt}) down to {@code d}, comma-separated. */
    private static String path(Division d, Map<String, Division> byCode, Locale locale, String stopAt) {
        Division parent = d.parentCode() == null ? null : byCode.get(d.parentCode());
        if (parent == null || parent.code().equals(stopAt)) {
            return d.name(locale);
        }
        return path(parent, byCode, locale, stopAt) + ", " + d.name(locale);
    }
}
