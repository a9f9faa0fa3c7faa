package mn.zasag.catalog.internal;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The catalogue's refusals, each with a stable public code (listed in the README's catalogue section). */
public class CatalogueProblem extends ProblemException {

    CatalogueProblem(HttpStatus status, String code, String detail, Object... args) {
        super(status, code, detail, args);
    }

    /** A search parameter that is not valid: {@code catalog_query_too_long}, {@code catalog_page_invalid}, … */
    static CatalogueProblem badParameter(String code, String detail) {
        return new CatalogueProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A filter naming an agency, category or life event that does not exist. */
    static CatalogueProblem unknownFilter(String parameter, String value) {
        return new CatalogueProblem(HttpStatus.BAD_REQUEST, "catalog_filter_unknown", "No " + parameter + " has the code " + value,
                parameter);
    }

    /** An admin of one agency editing another agency's service. */
    static CatalogueProblem notYourAgency(String code) {
        return new CatalogueProblem(HttpStatus.FORBIDDEN, "catalog_agency_only",
                "Only the owning agency's admins and platform admins may edit service " + code, code);
    }

    /** An edit naming a category, life event, channel or document that does not exist, or an empty required text. */
    static CatalogueProblem invalidEdit(String field) {
        return new CatalogueProblem(HttpStatus.UNPROCESSABLE_ENTITY, "catalog_edit_invalid", "The service's " + field + " is not valid",
                field);
    }
}
