package mn.zasag.vehicles;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the vehicle registry; the code says which rule (see docs/ARCHITECTURE.md). */
public class VehicleProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("plate_invalid", "vin_invalid", "vin_check_digit",
            "vehicle_not_found", "plate_taken", "vin_taken", "vehicles_owner_only", "owner_unknown", "year_invalid",
            "vehicle_details_invalid", "date_in_future", "date_before_last_change", "same_owner",
            "inspection_valid_until_invalid", "vehicle_deregistered", "deregistration_reason_invalid",
            "inspection_centre_unknown", "inspection_date_invalid", "no_inspection_slot", "not_the_owner");

    private VehicleProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the vehicle registry: " + code);
    }

    static VehicleProblem invalid(String code) {
        return new VehicleProblem(HttpStatus.BAD_REQUEST, code);
    }

    static VehicleProblem refused(String code) {
        return new VehicleProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static VehicleProblem conflict(String code) {
        return new VehicleProblem(HttpStatus.CONFLICT, code);
    }

    public static VehicleProblem notFound() {
        return new VehicleProblem(HttpStatus.NOT_FOUND, "vehicle_not_found");
    }

    static VehicleProblem ownerOnly() {
        return new VehicleProblem(HttpStatus.FORBIDDEN, "vehicles_owner_only");
    }
}
