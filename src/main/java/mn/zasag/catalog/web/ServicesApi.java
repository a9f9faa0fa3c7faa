package mn.zasag.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.catalog.internal.Catalogue;
import mn.zasag.catalog.internal.SearchQuery;
import mn.zasag.catalog.internal.SearchResult;
import mn.zasag.catalog.internal.ServiceDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The public services catalogue as JSON: search and browse (paginated), and one service. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Catalogue")
class ServicesApi {

    private final Catalogue catalogue;

    ServicesApi(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PreAuthorize("permitAll()")
    @GetMapping
    @Operation(summary = "Search and browse the services catalogue",
            description = "q is free text in Cyrillic or Latin, typos tolerated; agency, category and lifeEvent are codes. "
                    + "Bad parameters are 400 problems: catalog_query_too_long, catalog_page_invalid, catalog_page_size_invalid, "
                    + "catalog_filter_unknown.")
    ServicePage search(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
                       @RequestParam(required = false) String category, @RequestParam(required = false) String lifeEvent,
                       @Parameter(description = "1-based, default 1") @RequestParam(required = false) String page,
                       @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) String size) {
        SearchResult result = catalogue.search(new SearchQuery(q, blankToNull(agency), blankToNull(category), blankToNull(lifeEvent),
                number(page, 1), number(size, 20)));
        return new ServicePage(result.items().stream().map(ServiceView::of).toList(), result.total(), result.page(),
                result.size(), result.pages());
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/{code}")
    @Operation(summary = "One service of the catalogue by its code (404 service_not_found)")
    ServiceView one(@PathVariable String code) {
        return ServiceView.of(catalogue.get(code));
    }

    /** A page of the catalogue; the numbers are parsed here so a bad one gets the catalogue's own problem code. */
    private static int number(String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1; // out of range: refused as catalog_page_invalid / catalog_page_size_invalid
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record ServicePage(List<ServiceView> items, long total, int page, int size, int pages) {
    }

    /**
     * One service. {@code feeMnt} and {@code daysToDecide} are null when not sourced yet; {@code applyUrl} is set when the
     * service can be applied for online here.
     */
    record ServiceView(String code, int version, AgencyRef agency, String nameMn, String nameEn, String category, String lifeEvent,
                       List<String> channels, Long feeMnt, Integer daysToDecide, String form, String applyUrl,
                       List<String> documentsRequired, List<String> documentsProduced, String descriptionMn,
                       String descriptionEn, String eligibilityMn, String eligibilityEn, String source) {

        static ServiceView of(ServiceDetail s) {
            return new ServiceView(s.code(), s.version(), new AgencyRef(s.agencyCode(), s.agencyNameMn(), s.agencyNameEn()),
                    s.nameMn(), s.nameEn(), s.category(), s.lifeEvent(), s.channels(), s.feeMnt(), s.daysToDecide(), s.form(),
                    s.form() == null ? null : "/apply/" + s.form(), s.documentsRequired(), s.documentsProduced(),
                    s.descriptionMn(), s.descriptionEn(), s.eligibilityMn(), s.eligibilityEn(), s.source());
        }
    }

    record AgencyRef(String code, String nameMn, String nameEn) {
    }
}
