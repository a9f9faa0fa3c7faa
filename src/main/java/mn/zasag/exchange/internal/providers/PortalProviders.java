package mn.zasag.exchange.internal.providers;

import mn.zasag.exchange.ServiceProvider;
import mn.zasag.licences.DriverRecord;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import mn.zasag.shared.Party;
import mn.zasag.shared.ProblemException;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.vehicles.Vehicle;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services the portal pre-fills forms from, beyond a registry's single record: the vehicles a person owns now
 * (for choosing which one to transfer, deregister or book) and a driver's licence record.
 */
@Configuration(proxyBeanMethods = false)
class PortalProviders {

    @Bean
    ServiceProvider vehiclesByOwnerService(VehicleRegistry vehicles, VehicleChanges changes, JsonMapper json) {
        return new RecordProvider("vehicles.by-owner", "vehicles-by-owner", "Vehicles of an owner", "owner",
                "Vehicle registry of Mongolia (MRT): the vehicles on the register a person or entity owns now (plate, make, "
                        + "model, year, inspection); deregistered ones left out. What the portal offers as choices.",
                (owner, purpose) -> byOwner(owner, vehicles.search(valid(owner), purpose), changes), json);
    }

    @Bean
    ServiceProvider drivingLicencesByHolderService(DrivingLicences licences, Clock clock, JsonMapper json) {
        return new RecordProvider("driving-licences.by-holder", "driving-licences-by-holder", "Driving licence of a holder",
                "registerNumber", "Driving licence register of Mongolia (POLICE): the card in force, its categories and "
                        + "validity, international permits and the number of violations.",
                (holder, purpose) -> byHolder(licences.read(person(holder), purpose), clock), json);
    }

    private static String person(String id) {
        try {
            return RegisterNumber.parse(id).value();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "register_number_invalid", "Not a register number: " + e.getMessage());
        }
    }

    /** A malformed number is the caller's mistake (400 with a code), not the provider's failure. */
    private static String valid(String id) {
        try {
            return Party.parse(id, Clock.systemUTC()).id();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "register_number_invalid", "Not a register number: " + e.getMessage());
        }
    }

    private static Map<String, Object> byOwner(String owner, List<Vehicle> found, VehicleChanges changes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("owner", owner);
        answer.put("vehicles", found.stream().filter(v -> changes.deregisteredOn(v.plate()).isEmpty()).map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plate", v.plate());
            m.put("vin", v.vin());
            m.put("make", v.make());
            m.put("model", v.model());
            m.put("year", v.year());
            m.put("colour", v.colour());
            m.put("inspectionValidUntil", v.inspectionValidUntil() == null ? null : v.inspectionValidUntil().toString());
            m.put("inspection", v.inspection().name());
            return m;
        }).toList());
        return answer;
    }

    private static Map<String, Object> byHolder(DriverRecord record, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("holder", record.holder());
        Licence l = record.licence();
        Map<String, Object> licence = null;
        if (l != null) {
            licence = new LinkedHashMap<>();
            licence.put("number", l.number());
            licence.put("categories", String.join(",", l.categories()));
            licence.put("issuedOn", l.issuedOn().toString());
            licence.put("validUntil", l.validUntil().toString());
            licence.put("status", l.status().name());
            licence.put("valid", l.validOn(today));
        }
        answer.put("licence", licence);
        answer.put("licences", licence == null ? List.of() : List.of(licence));
        answer.put("permits", record.permits().stream().map(p -> Map.of("number", p.number(),
                "validUntil", p.validUntil().toString())).toList());
        answer.put("violations", record.violations().size());
        return answer;
    }
}
