package mn.zasag.catalog.web;

import mn.zasag.catalog.internal.Catalogue;
import mn.zasag.catalog.internal.CatalogueProblem;
import mn.zasag.catalog.internal.Label;
import mn.zasag.catalog.internal.SearchQuery;
import mn.zasag.catalog.internal.SearchResult;
import mn.zasag.catalog.internal.ServiceDetail;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The public catalogue: browse by category, life event and agency; search; one page per service. */
@Controller
class CataloguePages {

    static final int PAGE_SIZE = 20;

    private final Catalogue catalogue;

    CataloguePages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/services")
    String home(Model model) {
        model.addAttribute("categories", catalogue.categories().stream().filter(l -> l.count() > 0).toList());
        model.addAttribute("lifeEvents", catalogue.lifeEvents().stream().filter(l -> l.count() > 0).toList());
        model.addAttribute("agencies", catalogue.agencies());
        model.addAttribute("total", catalogue.count());
        return "catalog/home";
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/services/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String lifeEvent,
                  @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        model.addAttribute("q", q == null ? "" : q);
        try {
            int pageNo = page == null || page.isBlank() ? 1 : parsePage(page);
            SearchResult result = catalogue.search(new SearchQuery(q, blankToNull(agency), blankToNull(category),
                    blankToNull(lifeEvent), pageNo, PAGE_SIZE));
            model.addAttribute("result", result);
            model.addAttribute("filter", filterLabel(blankToNull(agency), blankToNull(category), blankToNull(lifeEvent)));
            UriComponentsBuilder base = UriComponentsBuilder.fromPath("/services/search");
            if (q != null && !q.isBlank()) {
                base.queryParam("q", q);
            }
            for (var p : Map.of("agency", agency == null ? "" : agency, "category", category == null ? "" : category,
                    "lifeEvent", lifeEvent == null ? "" : lifeEvent).entrySet()) {
                if (!p.getValue().isBlank()) {
                    base.queryParam(p.getKey(), p.getValue());
                }
            }
            model.addAttribute("pageLink", base.build().encode().toUriString() + (base.build().getQuery() == null ? "?" : "&") + "page=");
        } catch (CatalogueProblem e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.messageKey());
        }
        return "catalog/search";
    }

    private static int parsePage(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 0; // refused by the catalogue as catalog_page_invalid
        }
    }

    /** What the list is narrowed to, for its heading: the category's, life event's or agency's label, or null. */
    private Label filterLabel(String agency, String category, String lifeEvent) {
        if (category != null) {
            return byCode(catalogue.categories()).get(category);
        }
        if (lifeEvent != null) {
            return byCode(catalogue.lifeEvents()).get(lifeEvent);
        }
        if (agency != null) {
            return byCode(catalogue.agencies()).get(agency);
        }
        return null;
    }

    private static Map<String, Label> byCode(List<Label> labels) {
        return labels.stream().collect(Collectors.toMap(Label::code, Function.identity()));
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/services/{code}")
    String service(@PathVariable String code, Model model) {
        ServiceDetail service = catalogue.get(code);
        model.addAttribute("service", service);
        model.addAttribute("documents", catalogue.documentKinds());
        model.addAttribute("category", byCode(catalogue.categories()).get(service.category()));
        model.addAttribute("lifeEvent", service.lifeEvent() == null ? null : byCode(catalogue.lifeEvents()).get(service.lifeEvent()));
        return "catalog/service";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
