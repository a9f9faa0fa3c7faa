package mn.zasag.vehicles;

import mn.zasag.shared.Party;

import java.time.LocalDate;

/** A vehicle as the registry holds it now; {@code inspection} is worked out for the day it was read. */
public record Vehicle(String plate, String vin, String make, String model, int year, String colour, Party owner,
                      LocalDate registeredOn, LocalDate lastInspection, LocalDate inspectionValidUntil,
                      InspectionState inspection) {

    /** Whether the vehicle may be on the road as far as its technical inspection goes. */
    public enum InspectionState {
        /** The last inspection passed and is valid until a day not yet past. */
        VALID,
        /** No passed inspection, or its validity ended before today. */
        OVERDUE
    }
}
