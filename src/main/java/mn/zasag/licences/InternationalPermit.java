package mn.zasag.licences;

import java.time.LocalDate;

/** An international driving permit (1949 Geneva / 1968 Vienna model), issued on a licence in force. */
public record InternationalPermit(String number, String holder, String licenceNumber, LocalDate issuedOn,
                                  LocalDate validUntil) {
}
