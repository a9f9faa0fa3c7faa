package mn.zasag.registry.web;

import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.Person;
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

    /** One aimag (or the capital) and its soums (or districts), for a grouped select. */
    record DivisionGroup(Division top, List<Division> members) {
    }

    static List<DivisionGroup> groups(Divisions divisions) {
        List<Division> all = divisions.all();
        List<DivisionGroup> groups = new ArrayList<>();
        for (Division top : all) {
            if (top.parentCode() == null) {
                groups.add(new DivisionGroup(top, all.stream().filter(d -> top.code().equals(d.parentCode())).toList()));
            }
        }
        return groups;
    }

    /** «Архангай, Цэцэрлэг» for each code, in the reader's language. */
    static Map<String, String> labels(Divisions divisions, Locale locale) {
        List<Division> all = divisions.all();
        Map<String, Division> byCode = new HashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        Map<String, String> labels = new HashMap<>();
        for (Division d : all) {
            Division parent = d.parentCode() == null ? null : byCode.get(d.parentCode());
            labels.put(d.code(), parent == null ? d.name(locale) : parent.name(locale) + ", " + d.name(locale));
        }
        return labels;
    }

    static void person(Model model, Person person, List<CivilEvent> events, Divisions divisions, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("events", events);
        model.addAttribute("places", labels(divisions, locale));
    }
}
