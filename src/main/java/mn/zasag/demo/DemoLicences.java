package mn.zasag.demo;

import mn.zasag.licences.DrivingLicences;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's driving licences: the demo citizen holds B and C on a card that ends in two months (so he can renew
 * it online) and has two violations on record; a few adults of the population hold cards of their own, one of
 * them long expired.
 */
@Component
class DemoLicences {

    private static final String LEGAL_BASIS = "Туршилтын өгөгдөл (demo data)";

    private final DrivingLicences licences;
    private final Clock clock;

    DemoLicences(DrivingLicences licences, Clock clock) {
        this.licences = licences;
        this.clock = clock;
    }

    void seed(List<Person> people) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        Actor police = new Actor() {
            @Override
            public Long accountId() {
                return null;
            }

            @Override
            public String login() {
                return "demo";
            }

            @Override
            public String agencyCode() {
                return DrivingLicences.OWNER_AGENCY;
            }
        };
        String citizen = DemoPopulation.DEMO_CITIZEN;
        licences.issue(citizen, List.of("B", "C"), today.minusYears(DrivingLicences.VALIDITY_YEARS).plusMonths(2),
                LEGAL_BASIS, police);
        licences.recordViolation(citizen, today.minusMonths(7), "14.7.1", "Хурд хэтрүүлсэн (20 км/ц хүртэл)",
                new BigDecimal("50000"), police);
        licences.recordViolation(citizen, today.minusYears(2), "14.7.12", "Зогсоолын дүрэм зөрчсөн",
                new BigDecimal("30000"), police);
        List<Person> adults = people.stream().filter(p -> p.alive() && p.birthDate().plusYears(20).isBefore(today)).toList();
        String[][] cards = {{"B"}, {"B", "C"}, {"A", "B"}, {"B", "C", "D"}, {"B", "E"}, {"M"}};
        for (int i = 0; i < Math.min(12, adults.size()); i++) {
            String holder = adults.get(i).registerNumber();
            LocalDate issued = today.minusYears(1 + (i * 7L) % 12).minusDays(i * 31L);
            if (issued.isBefore(adults.get(i).birthDate().plusYears(DrivingLicences.MIN_AGE))) {
                continue;
            }
            licences.issue(holder, List.of(cards[i % cards.length]), issued, LEGAL_BASIS, police);
        }
    }
}
