package mn.zasag.registry.web;

import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.Person;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the registry's pages show, prepared once for the templates. */
final class RegistryModels {

    private RegistryModels() {
    }

    /** One aimag (or the capital) and everything in it (soums, or districts and their khoroos), for a grouped select. */
    record DivisionGroup(String code, String label, List<Option> members) {
    }

    /** A choice in the division select, labelled with its whole path below the group («Баянзүрх, 1-р хороо»). */
    record Option(String code, String label) {
    }

    static List<DivisionGroup> groups(Divisions divisions) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Division> all = divisions.all();
        Map<String, Division> byCode = byCode(all);
        List<DivisionGroup> groups = new ArrayList<>();
        for (Division top : all) {
            if (top.parentCode() == null) {
                // codes are hierarchical: a division's code starts with its parent's, so all() lists a tree in order
                List<Option> members = all.stream()
                        .filter(d -> d.parentCode() != null && d.code().startsWith(top.code()))
                        .map(d -> new Option(d.code(), path(d, byCode, locale, top.code())))
                        .toList();
                groups.add(new DivisionGroup(top.code(), top.name(locale), members));
            }
        }
        return groups;
    }

    /** «Архангай, Цэцэрлэг», «Улаанбаатар, Баянзүрх, 1-р хороо» for each code, in the reader's language. */
    static Map<String, String> labels(Divisions divisions, Locale locale) {
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

    static void person(Model model, Person person, List<CivilEvent> events, Divisions divisions, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("events", events);
        model.addAttribute("places", labels(divisions, locale));
    }
}
