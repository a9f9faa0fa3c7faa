package mn.zasag.vehicles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import mn.zasag.shared.Actor;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleEvent;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * The vehicle registry over REST. Reads name their legal basis ({@code X-Legal-Basis} header or
 * {@code legalBasis} parameter) and are audited; writes are for the road transport authority's officers.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registries")
class VehiclesApi {

    private final VehicleRegistry vehicles;

    VehiclesApi(VehicleRegistry vehicles) {
        this.vehicles = vehicles;
    }

    @PreAuthorize("hasAuthority('VEHICLES_READ')")
    @GetMapping("/vehicles/{plate}")
    @Operation(summary = "A vehicle by plate, with its ownership and inspection history (audited; give the legal basis)",
            security = @SecurityRequirement(name = "bearer"))
    VehicleRecord vehicle(@PathVariable String plate,
                          @Parameter(description = "legal basis or purpose of the read") @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                          @RequestParam(required = false) String legalBasis) {
        Vehicle vehicle = vehicles.read(plate, header != null ? header : legalBasis);
        return new VehicleRecord(vehicle, vehicles.history(vehicle.plate()));
    }

    @PreAuthorize("hasAuthority('VEHICLES_READ')")
    @GetMapping("/vehicles")
    @Operation(summary = "Search vehicles by plate, VIN or owner (register number or 7-digit entity number); audited",
            security = @SecurityRequirement(name = "bearer"))
    List<Vehicle> search(@RequestParam String q, @RequestHeader(name = "X-Legal-Basis", required = false) String header,
                         @RequestParam(required = false) String legalBasis) {
        return vehicles.search(q, header != null ? header : legalBasis);
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles")
    @Operation(summary = "Register a vehicle to its first owner (road transport authority only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Vehicle> register(@AuthenticationPrincipal Actor me, @Valid @RequestBody VehicleBody body) {
        Vehicle vehicle = vehicles.register(new NewVehicle(body.plate(), body.vin(), body.make(), body.model(), body.year(),
                body.colour(), body.owner(), body.registeredOn(), body.legalBasis()), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(vehicle);
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles/{plate}/transfers")
    @Operation(summary = "Transfer a vehicle to a new owner (road transport authority only)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<VehicleEvent> transfer(@AuthenticationPrincipal Actor me, @PathVariable String plate,
                                          @Valid @RequestBody TransferBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(vehicles.transfer(plate, body.owner(), body.occurredOn(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('VEHICLES_WRITE')")
    @PostMapping("/vehicles/{plate}/inspections")
    @Operation(summary = "Record a technical inspection; a passed one is valid a year unless validUntil says otherwise",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<VehicleEvent> inspection(@AuthenticationPrincipal Actor me, @PathVariable String plate,
                                            @Valid @RequestBody InspectionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(vehicles.inspect(plate, body.occurredOn(), body.passed(),
                body.validUntil(), body.legalBasis(), me));
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/me/vehicles")
    @Operation(summary = "The vehicles the caller owns (citizens)", security = @SecurityRequirement(name = "bearer"))
    List<Vehicle> mine(@AuthenticationPrincipal Actor me) {
        return vehicles.own(me.login());
    }

    record VehicleRecord(Vehicle vehicle, List<VehicleEvent> events) {
    }

    record VehicleBody(@NotNull String plate, @NotNull String vin, @NotNull @Size(max = 60) String make,
                       @NotNull @Size(max = 60) String model, @NotNull Integer year, @NotNull @Size(max = 30) String colour,
                       @NotNull String owner, LocalDate registeredOn, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record TransferBody(@NotNull String owner, LocalDate occurredOn, @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }

    record InspectionBody(LocalDate occurredOn, boolean passed, LocalDate validUntil,
                          @NotNull @Size(min = 1, max = 300) String legalBasis) {
    }
}
