package mn.zasag.registry.web;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Locale;

/** A citizen's own civil registry record: found by their login, which is their register number. */
@Controller
class MyDataPage {

    private final CivilRegistry registry;
    private final Divisions divisions;

    MyDataPage(CivilRegistry registry, Divisions divisions) {
        this.registry = registry;
        this.divisions = divisions;
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data")
    String myData(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        registry.own(me.login()).ifPresent(person ->
                RegistryModels.person(model, person, registry.history(person.registerNumber()), divisions, locale));
        return "registry/my-data";
    }
}
