package mn.zasag.applications.internal.actions;

import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the licence actions check alike: the applicant holds a card in force. */
@Component
class LicenceFacts {

    private final DrivingLicences licences;
    private final Clock clock;
    private final Labels labels;

    LicenceFacts(DrivingLicences licences, Clock clock, Labels labels) {
        this.labels = labels;
        this.licences = licences;
        this.clock = clock;
    }

    String label(String code) {
        return labels.of(code);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
    }

    /** Obstacles when the action needs a card; {@code mayBeExpired} for a renewal. */
    List<String> obstacles(String holder, boolean mayBeExpired) {
        Optional<Licence> current = licences.current(holder);
        if (current.isEmpty()) {
            return List.of("obstacle.no_driving_licence");
        }
        if (!mayBeExpired && !current.get().validOn(today())) {
            return List.of("obstacle.driving_licence_expired");
        }
        if (mayBeExpired && current.get().validUntil().isAfter(today().plusMonths(DrivingLicences.RENEW_MONTHS_BEFORE))) {
            return List.of("obstacle.renewal_too_early");
        }
        return List.of();
    }

    static void describe(Licence l, Map<String, String> out) {
        out.put("fact.licenceNumber", l.number());
        out.put("fact.categories", String.join(", ", l.categories()));
        out.put("fact.issuedOn", l.issuedOn().toString());
        out.put("fact.validUntil", l.validUntil().toString());
    }
}
