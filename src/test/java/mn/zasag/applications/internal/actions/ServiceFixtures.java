package mn.zasag.applications.internal.actions;

import mn.zasag.HoldingsFixtures;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Persons with the birth date and sex a service's rule needs, officers of the owning agencies, applications. */
final class ServiceFixtures {

    private static final String SECOND = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private ServiceFixtures() {
    }

    /** A person in the civil registry born on the day, of the sex, living in the division; register numbers start with Щ. */
    static String person(CivilRegistry civil, LocalDate birth, Sex sex, String division) {
        while (true) {
            int n = SEQUENCE.incrementAndGet();
            int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
            int sexDigit = ((n / 35) % 5) * 2 + (sex == Sex.MALE ? 1 : 0);
            String rn = "Щ" + SECOND.charAt(n % SECOND.length()) + String.format("%02d%02d%02d%d%d", birth.getYear() % 100,
                    month, birth.getDayOfMonth(), sexDigit, (n / 175) % 10);
            if (civil.exists(rn)) {
                continue;
            }
            civil.register(new NewPerson(RegisterNumber.parse(rn), null, null, "Тест", "Иргэн", sex, birth, "6501", "MNG",
                    division, division == null ? null : "1-р хороо, 2-р байр", null, "Туршилт"), actor("GASR"));
            return rn;
        }
    }

    /** A man of about 40 living in Ulaanbaatar's Khan-Uul district. */
    static String adult(CivilRegistry civil) {
        return person(civil, LocalDate.of(1986, 1, 1).plusDays(SEQUENCE.get() % 3000), Sex.MALE, "1122");
    }

    static void dies(CivilRegistry civil, String rn, LocalDate on) {
        civil.record(rn, NewCivilEvent.death(on, "Нас барсны гэрчилгээ №T"), actor("GASR"));
    }

    static Actor actor(String agency) {
        return HoldingsFixtures.actor("officer-" + agency.toLowerCase(), agency);
    }

    static Submitted application(String service, String agency, String applicant, Object... answers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < answers.length; i += 2) {
            map.put((String) answers[i], answers[i + 1] == null ? null : answers[i + 1].toString());
        }
        return new Submitted("A-TEST-" + SEQUENCE.incrementAndGet(), service, agency, applicant, 1L, map);
    }

    static ApprovalAction action(List<ApprovalAction> actions, String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
