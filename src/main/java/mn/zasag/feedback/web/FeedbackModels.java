package mn.zasag.feedback.web;

import mn.zasag.feedback.CaseKind;
import mn.zasag.feedback.Category;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.Categories;
import mn.zasag.feedback.internal.LocalOffices;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the centre's pages share: the choices on the forms and a case with its history. */
final class FeedbackModels {

    private FeedbackModels() {
    }

    record Option(String value, String label) {
    }

    record Group(String code, String label, List<Option> members) {
    }

    /** The citizen's form, also the operator's and the kiosk's. */
    record CaseForm(String kind, String category, String place, String text, String contactName, String contactPhone,
                    String contactEmail, Boolean publish, String channel, String keep, String attachments, String latitude,
                    String longitude) {
        static CaseForm empty() {
            return new CaseForm("COMPLAINT", "", "", "", "", "", "", false, "PHONE", "", null, "", "");
        }

        /** The optional exact spot, in decimal degrees; refused when not numbers or only one of the two. */
        Double lat() {
            return degrees(latitude);
        }

        Double lon() {
            return degrees(longitude);
        }

        private static Double degrees(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                double d = Double.parseDouble(value.strip().replace(',', '.'));
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException(value);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new FeedbackRefused("feedback_location_invalid", "latitude");
            }
        }

        /** The same form carrying the token of the files kept for it ({@code attachments} only names the file input's errors). */
        CaseForm keeping(String token) {
            return new CaseForm(kind, category, place, text, contactName, contactPhone, contactEmail, publish, channel, token,
                    null, latitude, longitude);
        }

        boolean published() {
            return Boolean.TRUE.equals(publish);
        }
    }

    static void choices(Model model, Categories categories, Divisions divisions, Locale locale) {
        model.addAttribute("kinds", Arrays.stream(CaseKind.values()).map(Enum::name).toList());
        model.addAttribute("categories", categories.all().stream()
                .map(c -> new Option(c.code(), c.name(locale))).toList());
        List<Group> groups = new ArrayList<>();
        for (Division top : divisions.topLevel()) {
            groups.add(new Group(top.code(), top.name(locale), divisions.children(top.code()).stream()
                    .map(d -> new Option(d.code(), d.name(locale))).toList()));
        }
        model.addAttribute("places", groups);
    }

    static void caseView(Model model, FeedbackCase c, CaseStore store, Categories categories, Divisions divisions,
                         LocalOffices offices, Locale locale) {
        model.addAttribute("feedbackCase", c);
        model.addAttribute("officeName", c.officeCode() == null ? null
                : offices.find(c.officeCode()).map(o -> o.name(locale)).orElse(c.officeCode()));
        model.addAttribute("history", store.historyOf(c.id()));
        model.addAttribute("attachments", store.attachmentsOf(c.id()));
        model.addAttribute("categoryName", categories.find(c.category()).map(cat -> cat.name(locale)).orElse(c.category()));
        model.addAttribute("placeName", c.divisionCode() == null ? null
                : divisions.find(c.divisionCode()).map(d -> d.name(locale)).orElse(c.divisionCode()));
    }

    private static final Map<String, String> FIELDS = Map.of("divisionCode", "place", "latitude", "latitude",
            "kind", "kind", "category", "category", "contactName", "contactName", "contactEmail", "contactEmail",
            "contactPhone", "contactPhone", "text", "text", "attachments", "attachments");

    static void reject(BindingResult errors, FeedbackRefused e) {
        errors.rejectValue(FIELDS.getOrDefault(e.field(), "text"), e.messageKey(), e.args(), null);
    }

    static CaseKind kind(String value) {
        try {
            return value == null ? null : CaseKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<Category> unused() {
        return List.of();
    }
}
