package mn.zasag.registry.web;

import mn.zasag.registry.CivilEvent;
import mn.zasag.registry.DivisionChoices;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.Person;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the registry's pages show, prepared once for the templates. */
final class RegistryModels {

    private RegistryModels() {
    }

    static List<DivisionChoices.Group> groups(Divisions divisions) {
        return DivisionChoices.groups(divisions, LocaleContextHolder.getLocale());
    }

    static Map<String, String> labels(Divisions divisions, Locale locale) {
        return DivisionChoices.labels(divisions, locale);
    }

    static void person(Model model, Person person, List<CivilEvent> events, Divisions divisions, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("events", events);
        model.addAttribute("places", labels(divisions, locale));
    }
}
