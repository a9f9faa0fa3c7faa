package mn.zasag;

import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.shared.RegisterNumber;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders of test data with names that never collide, so test classes can share one database. */
public final class Fixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String LETTERS = "АБВГДЕЖЗИКЛМНОӨПРСТУҮФХЦЧШЭЮЯ";

    private Fixtures() {
    }

    /** A valid register number not used before in this JVM: the birth date varies with a counter. */
    public static String freshRegisterNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n * 37L);
        int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        char a = LETTERS.charAt(n % LETTERS.length());
        char b = LETTERS.charAt((n / LETTERS.length()) % LETTERS.length());
        return "" + a + b + String.format("%02d%02d%02d%02d", birth.getYear() % 100, month, birth.getDayOfMonth(), n % 100);
    }

    public static String freshLogin(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static String freshAgency(Agencies agencies) {
        String code = "T" + SEQUENCE.incrementAndGet();
        agencies.register(new Agency(code, "Туршилтын газар " + code, "Test agency " + code));
        return code;
    }

    public static String citizen(Accounts accounts) {
        String rn = freshRegisterNumber();
        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Болд", "Сараа", "+97699001122", null, PASSWORD));
        return rn;
    }

    public static String staff(Accounts accounts, Role role, String agency) {
        String login = freshLogin(role.name().toLowerCase().replace('_', '-'));
        accounts.createStaff(new NewStaff(login, role, agency, "Дорж", "Бат", null, PASSWORD));
        return login;
    }
}
