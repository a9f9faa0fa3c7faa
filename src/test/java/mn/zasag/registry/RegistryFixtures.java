package mn.zasag.registry;

import mn.zasag.Fixtures;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Persons, officers and tokens for the civil registry's tests. Register numbers start with Щ, which
 * neither {@link Fixtures} nor the demo population uses, so they never collide in the shared database.
 */
final class RegistryFixtures {

    static final String LEGAL_BASIS = "Гэрчилгээ №TEST-1";
    private static final String SECOND_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RegistryFixtures() {
    }

    record Staff(String login, String token, Actor actor) {
    }

    /** The registration authority exists in every installation; tests without demo data add it. */
    static void ensureRegistrationAuthority(Agencies agencies) {
        if (agencies.find(CivilRegistry.OWNER_AGENCY).isEmpty()) {
            try {
                agencies.register(new Agency(CivilRegistry.OWNER_AGENCY, "Улсын бүртгэлийн ерөнхий газар",
                        "General Authority for State Registration"));
            } catch (AgencyExists raced) {
                // another test class registered it first
            }
        }
    }

    /** A register number no one else in the test database has, for someone born on that day. */
    static String registerNumber(LocalDate birth, Sex sex) {
        int n = SEQUENCE.incrementAndGet();
        char second = SECOND_LETTERS.charAt(n % SECOND_LETTERS.length());
        int control = (n / SECOND_LETTERS.length()) % 10;
        int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        int sexDigit = (n % 5) * 2 + (sex == Sex.MALE ? 1 : 0);
        // the day varies too, so more than 350 numbers per birth date never repeat
        return "Щ" + second + String.format("%02d%02d%02d%d%d", birth.getYear() % 100, month, birth.getDayOfMonth(),
                sexDigit, control);
    }

    static NewPerson person(String rn, String family, String given) {
        RegisterNumber number = RegisterNumber.parse(rn);
        return new NewPerson(number, null, null, family, given, number.sex(), number.birthDate(), "6501", "MNG",
                "1110", "1-р хороо", null, LEGAL_BASIS);
    }

    static NewPerson adult(Sex sex, String family, String given) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(SEQUENCE.get() * 13L % 9000);
        return person(registerNumber(birth, sex), family, given);
    }

    static Staff officer(Accounts accounts, DemoTokens tokens, String agency) {
        String login = Fixtures.freshLogin("registrar");
        long id = accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        String token = "zsg_test_" + login + "_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return new Staff(login, token, actor(login, agency));
    }

    /** A citizen with an account and a token, whose login is the given register number. */
    static String citizenToken(Accounts accounts, DemoTokens tokens, String rn) {
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Болд", "Сараа", "+97699001122",
                null, Fixtures.PASSWORD));
        String token = "zsg_test_citizen_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return token;
    }

    static Actor actor(String login, String agency) {
        return new Actor() {
            @Override
            public Long accountId() {
                return null;
            }

            @Override
            public String login() {
                return login;
            }

            @Override
            public String agencyCode() {
                return agency;
            }
        };
    }
}
