package mn.zasag.vehicles;

import java.time.LocalDate;

/** A vehicle to register: identifiers as typed (parsed by the registry), its owner and the legal basis. */
public record NewVehicle(String plate, String vin, String make, String model, Integer year, String colour,
                         String owner, LocalDate registeredOn, String legalBasis) {
}
