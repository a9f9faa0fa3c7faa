package mn.zasag.licences;

import java.util.List;

/**
 * What the licence register knows about a driver: the card in force (null when none), every card they held,
 * their history, international permits and violations (newest first).
 */
public record DriverRecord(String holder, Licence licence, List<Licence> licences, List<LicenceEvent> history,
                           List<InternationalPermit> permits, List<Violation> violations) {
}
