package mn.zasag.legalentity;

import java.time.LocalDate;

/** A director (гүйцэтгэх захирал / удирдах албан тушаалтан) of a legal entity: a person by register number. */
public record Director(String person, LocalDate appointedOn) {
}
