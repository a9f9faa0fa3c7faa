package mn.zasag.legalentity;

import mn.zasag.Fixtures;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Persons, entities, officers and tokens for the legal entity and property registries' tests. Register
 * numbers start with Ъ and entity numbers with 8, which neither the other fixtures nor the demo data use,
 * so they never collide in the shared database.
 */
public final class EntityFixtures {

    public static final String LEGAL_BASIS = "Өргөдөл №TEST-LE";
    private static final String SECOND = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private EntityFixtures() {
    }

    public record Staff(String login, String token, Actor actor) {
    }

    public static void ensureRegistrationAuthority(Agencies agencies) {
        if (agencies.find(LegalEntities.OWNER_AGENCY).isEmpty()) {
            try {
                agencies.register(new Agency(LegalEntities.OWNER_AGENCY, "Улсын бүртгэлийн ерөнхий газар",
                        "General Authority for State Registration"));
            } catch (AgencyExists raced) {
                // another test class registered it first
            }
        }
    }

    /** A fresh register number (Ъ…) of an adult man born in the 1970s-90s. */
    public static String registerNumber() {
        int n = SEQUENCE.incrementAndGet();
        char second = SECOND.charAt(n % SECOND.length());
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays((n / SECOND.length()) % 9000);
        int sexDigit = ((n / 7) % 5) * 2 + 1;
        return "Ъ" + second + String.format("%02d%02d%02d%d%d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), sexDigit, n % 10);
    }

    /** A person registered in the civil registry, by a GASR registrar. */
    public static String person(CivilRegistry civil, String family, String given) {
        for (int attempt = 0; ; attempt++) {
            RegisterNumber rn = RegisterNumber.parse(registerNumber());
            if (civil.exists(rn.value())) {
                continue;
            }
            civil.register(new NewPerson(rn, null, null, family, given, rn.sex(), rn.birthDate(), "6501", "MNG", "1110",
                    null, null, LEGAL_BASIS), registrar());
            return rn.value();
        }
    }

    /** A fresh 7-digit entity number starting with 8. */
    public static String entityNumber(LegalEntities entities) {
        String n;
        do {
            n = "8" + String.format("%06d", SEQUENCE.incrementAndGet() * 37 % 1_000_000);
        } while (entities.exists(n));
        return n;
    }

    public static NewEntity entity(String number, String name, List<Founder> founders, List<String> directors) {
        return new NewEntity(number, name, null, "ХХК", "1110", "1-р хороо", LocalDate.of(2015, 3, 2), founders,
                directors, LEGAL_BASIS);
    }

    /** A registered LLC with one founder (who is also its director). */
    public static LegalEntity entity(LegalEntities entities, CivilRegistry civil) {
        String founder = person(civil, "Дорж", "Бат");
        String number = entityNumber(entities);
        return entities.register(entity(number, "Туршилт " + number, List.of(Founder.person(founder, BigDecimal.ONE)),
                List.of(founder)), registrar());
    }

    public static Actor registrar() {
        return actor("test-registrar", LegalEntities.OWNER_AGENCY);
    }

    public static Staff officer(Accounts accounts, DemoTokens tokens, String agency) {
        String login = Fixtures.freshLogin("le");
        long id = accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        String token = "zsg_test_" + login + "_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return new Staff(login, token, actor(login, agency));
    }

    public static String citizenToken(Accounts accounts, DemoTokens tokens, String rn) {
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Болд", "Сараа", "+97699001122",
                null, Fixtures.PASSWORD));
        String token = "zsg_test_lecitizen_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return token;
    }

    public static Actor actor(String login, String agency) {
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
