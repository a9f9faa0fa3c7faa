package mn.zasag.legalentity.web;

import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The divisions for the address chooser ({@code registry/parts :: division}) and their labels, in the reader's language. */
final class Places {

    record Group(String code, String label, List<Option> members) {
    }

    record Option(String code, String label) {
    }

    private Places() {
    }

    static List<Group> groups(Divisions divisions, Locale locale) {
        List<Division> all = divisions.all();
        Map<String, Division> byCode = new HashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        List<Group> groups = new ArrayList<>();
        for (Division top : all) {
            if (top.parentCode() == null) {
                groups.add(new Group(top.code(), top.name(locale), all.stream()
                        .filter(d -> d.parentCode() != null && d.code().startsWith(top.code()))
                        .map(d -> new Option(d.code(), path(d, byCode, locale, top.code()))).toList()));
            }
        }
        return groups;
    }

    static Map<String, String> labels(Divisions divisions, Locale locale) {
        List<Division> all = divisions.all();
        Map<String, Division> byCode = new HashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        Map<String, String> labels = new HashMap<>();
        all.forEach(d -> labels.put(d.code(), path(d, byCode, locale, null)));
        return labels;
    }

    private static String path(Division d, Map<String, Division> byCode, Locale locale, String stopAt) {
        Division parent = d.parentCode() == null ? null : byCode.get(d.parentCode());
        if (parent == null || parent.code().equals(stopAt)) {
            return d.name(locale);
        }
        return path(parent, byCode, locale, stopAt) + ", " + d.name(locale);
    }
}
