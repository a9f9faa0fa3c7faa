package mn.zasag.vehicles;

import mn.zasag.shared.Party;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of a vehicle's append-only history: its registration (to its first owner), a transfer to a
 * new owner ({@code previousOwner} the one before), a technical inspection (passed or not, valid until), its
 * deregistration (scrapped, exported, stolen) or a new set of plates for lost or damaged ones.
 */
public record VehicleEvent(long id, String plate, Type type, LocalDate occurredOn, OffsetDateTime recordedAt,
                           String registrar, String registrarAgency, String legalBasis, Party owner,
                           Party previousOwner, Boolean passed, LocalDate validUntil) {

    public enum Type { REGISTRATION, TRANSFER, INSPECTION, DEREGISTRATION, PLATE_REPLACEMENT }
}
