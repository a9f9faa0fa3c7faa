package mn.zasag.licences;

import java.time.LocalDate;
import java.util.List;

/**
 * A driving licence card as issued.
 *
 * @param number     eight digits
 * @param categories the vehicle categories it entitles (A, B, C, D, E, M), in order
 * @param status     {@code ACTIVE} for the card in force; {@code REPLACED} once renewed or replaced
 */
public record Licence(String number, String holder, List<String> categories, LocalDate issuedOn, LocalDate validUntil,
                      Status status) {

    public enum Status { ACTIVE, REPLACED, SUSPENDED, REVOKED }

    /** In force on the day: active and not past its validity. */
    public boolean validOn(LocalDate day) {
        return status == Status.ACTIVE && !validUntil.isBefore(day);
    }
}
