package mn.zasag.vehicles.web;

import mn.zasag.shared.Actor;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.ProblemException;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.PlateNumber;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleProblem;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The road transport authority's back office (search by plate, VIN or owner; a vehicle with its history;
 * register, transfer, record an inspection) and a citizen's own vehicles under "My data".
 */
@Controller
class VehiclePages {

    private final VehicleRegistry vehicles;

    VehiclePages(VehicleRegistry vehicles) {
        this.vehicles = vehicles;
    }

    @PreAuthorize("hasAuthority('VEHICLES_READ')")
    @GetMapping("/vehicles")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model) {
        model.addAttribute("form", new SearchForm(q, purpose));
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                try {
                    model.addAttribute("results", vehicles.search(q, purpose));
                } catch (ProblemException e) {
                    model.addAttribute("queryError", e.messageKey());
                } catch (InvalidRegisterNumber e) {
                    model.addAttribute("queryError", "problem.vehicle_query_invalid");
                }
            }
        }
        return "vehicles/search";
    }

    @PreAuthorize("hasAuthority('VEHICLES_READ')")
    @GetMapping("/vehicles/{plate}")
    String vehicle(@PathVariable String plate, @RequestParam(defaultValue = "") String purpose, Model model) {
        String p = PlateNumber.tryParse(plate).orElseThrow(VehicleProblem::notFound).value();
        model.addAttribute("plate", p);
        if (purpose.isBlank()) {
            return "vehicles/purpose";
        }
        Vehicle vehicle = vehicles.read(p, purpose);
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("events", vehicles.history(p));
        model.addAttribute("purpose", purpose);
        return "vehicles/vehicle";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @GetMapping("/vehicles/new")
    String registerForm(Model model) {
        model.addAttribute("form", new VehicleForm("", "", "", "", "", "", "", "", ""));
        return "vehicles/register";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles/new")
    String register(@AuthenticationPrincipal Actor me, @ModelAttribute("form") VehicleForm form, BindingResult errors,
                    RedirectAttributes redirect) {
        for (String field : new String[] {"plate", "vin", "make", "model", "year", "colour", "owner", "legalBasis"}) {
            required(errors, field, switch (field) {
                case "plate" -> form.plate();
                case "vin" -> form.vin();
                case "make" -> form.make();
                case "model" -> form.model();
                case "year" -> form.year();
                case "colour" -> form.colour();
                case "owner" -> form.owner();
                default -> form.legalBasis();
            });
        }
        LocalDate on = optionalDate(form.registeredOn(), "registeredOn", errors);
        Integer year = null;
        if (form.year() != null && !form.year().isBlank()) {
            try {
                year = Integer.valueOf(form.year().strip());
            } catch (NumberFormatException e) {
                errors.rejectValue("year", "problem.year_invalid");
            }
        }
        if (!errors.hasErrors()) {
            try {
                Vehicle v = vehicles.register(new NewVehicle(form.plate(), form.vin(), form.make(), form.model(), year,
                        form.colour(), form.owner(), on, form.legalBasis()), me);
                return done(v.plate(), form.legalBasis(), "vehicles.register.done", redirect);
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            } catch (InvalidRegisterNumber e) {
                errors.rejectValue("owner", e.messageKey());
            }
        }
        return "vehicles/register";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @GetMapping("/vehicles/{plate}/transfer")
    String transferForm(@PathVariable String plate, Model model) {
        model.addAttribute("plate", existing(plate));
        model.addAttribute("form", new TransferForm("", "", ""));
        return "vehicles/transfer";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles/{plate}/transfer")
    String transfer(@AuthenticationPrincipal Actor me, @PathVariable String plate, @ModelAttribute("form") TransferForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        String p = existing(plate);
        model.addAttribute("plate", p);
        required(errors, "owner", form.owner());
        required(errors, "legalBasis", form.legalBasis());
        LocalDate on = optionalDate(form.occurredOn(), "occurredOn", errors);
        if (!errors.hasErrors()) {
            try {
                vehicles.transfer(p, form.owner(), on, form.legalBasis(), me);
                return done(p, form.legalBasis(), "vehicles.transfer.done", redirect);
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            } catch (InvalidRegisterNumber e) {
                errors.rejectValue("owner", e.messageKey());
            }
        }
        return "vehicles/transfer";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @GetMapping("/vehicles/{plate}/inspection")
    String inspectionForm(@PathVariable String plate, Model model) {
        model.addAttribute("plate", existing(plate));
        model.addAttribute("form", new InspectionForm("", "true", "", ""));
        return "vehicles/inspection";
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles/{plate}/inspection")
    String inspection(@AuthenticationPrincipal Actor me, @PathVariable String plate,
                      @ModelAttribute("form") InspectionForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        String p = existing(plate);
        model.addAttribute("plate", p);
        required(errors, "legalBasis", form.legalBasis());
        LocalDate on = optionalDate(form.occurredOn(), "occurredOn", errors);
        LocalDate until = optionalDate(form.validUntil(), "validUntil", errors);
        if (!errors.hasErrors()) {
            try {
                vehicles.inspect(p, on, "true".equals(form.passed()), until, form.legalBasis(), me);
                return done(p, form.legalBasis(), "vehicles.inspection.done", redirect);
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "vehicles/inspection";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/vehicles")
    String mine(@AuthenticationPrincipal Actor me, Model model) {
        var owned = vehicles.own(me.login());
        model.addAttribute("vehicles", owned);
        model.addAttribute("histories", owned.stream().collect(java.util.stream.Collectors.toMap(Vehicle::plate,
                v -> vehicles.history(v.plate()))));
        return "vehicles/mine";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("plate_invalid", "plate"), Map.entry("plate_taken", "plate"), Map.entry("vin_invalid", "vin"),
            Map.entry("vin_check_digit", "vin"), Map.entry("vin_taken", "vin"), Map.entry("year_invalid", "year"),
            Map.entry("vehicle_details_invalid", "make"), Map.entry("owner_unknown", "owner"),
            Map.entry("entity_number_invalid", "owner"), Map.entry("same_owner", "owner"),
            Map.entry("date_in_future", "occurredOn"), Map.entry("date_before_last_change", "occurredOn"),
            Map.entry("inspection_valid_until_invalid", "validUntil"));

    private String existing(String plate) {
        String p = PlateNumber.tryParse(plate).orElseThrow(VehicleProblem::notFound).value();
        if (!vehicles.exists(p)) {
            throw VehicleProblem.notFound();
        }
        return p;
    }

    private static String done(String plate, String legalBasis, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/vehicles/" + UriUtils.encodePathSegment(plate, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(legalBasis.strip(), StandardCharsets.UTF_8);
    }

    private static void required(BindingResult errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
        }
    }

    private static LocalDate optionalDate(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "registry.date.invalid");
            return null;
        }
    }

    record SearchForm(String q, String purpose) {
    }

    record VehicleForm(String plate, String vin, String make, String model, String year, String colour, String owner,
                       String registeredOn, String legalBasis) {
    }

    record TransferForm(String owner, String occurredOn, String legalBasis) {
    }

    record InspectionForm(String occurredOn, String passed, String validUntil, String legalBasis) {
    }
}
