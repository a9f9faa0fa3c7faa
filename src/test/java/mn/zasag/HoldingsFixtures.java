package mn.zasag;

import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.legalentity.EntityFixtures;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for the vehicle, tax, social insurance and customs registries: the owning agencies, officers
 * with tokens, persons in the civil registry, and plates, VINs and entity numbers no other test uses.
 */
public final class HoldingsFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SERIES = "АБВГДЕЖЗИКЛМНОПРСТ";

    private HoldingsFixtures() {
    }

    public record Staff(String login, String token) {
    }

    public record Citizen(String registerNumber, String login, String token) {
    }

    public static void agency(Agencies agencies, String code) {
        if (agencies.find(code).isEmpty()) {
            try {
                agencies.register(new Agency(code, "Туршилтын " + code, "Test " + code));
            } catch (AgencyExists raced) {
                // another test class registered it first
            }
        }
    }

    public static Staff officer(Agencies agencies, Accounts accounts, DemoTokens tokens, String agency) {
        agency(agencies, agency);
        String login = Fixtures.freshLogin("holdings-officer");
        long id = accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        String token = "zsg_test_" + login;
        tokens.grant(id, token);
        return new Staff(login, token);
    }

    /** A person registered in the civil registry (by a registrar of GASR), not yet a citizen account. */
    public static String person(CivilRegistry registry) {
        RegisterNumber rn = RegisterNumber.parse(Fixtures.freshRegisterNumber());
        registry.register(new NewPerson(rn, null, null, "Дорж", "Тэмүүлэн", rn.sex(), rn.birthDate(), null, "MNG",
                null, null, null, "Туршилт"), actor("registrar", "GASR"));
        return rn.value();
    }

    /** A person in the civil registry with a citizen account and token. */
    public static Citizen citizen(CivilRegistry registry, Accounts accounts, DemoTokens tokens) {
        String rn = person(registry);
        long id = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Дорж", "Тэмүүлэн", "+97699001122",
                null, Fixtures.PASSWORD));
        String token = "zsg_test_holder_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return new Citizen(rn, rn, token);
    }

    /** A plate no other test uses: a counter in the digits, a few aimag codes and series. */
    public static String plate() {
        int n = SEQUENCE.incrementAndGet();
        String[] regions = {"УБ", "ХО", "ДА", "ӨМ", "АР"};
        return String.format("%04d", n % 10000) + regions[(n / 10000) % regions.length]
                + SERIES.charAt((n / 50000) % SERIES.length() + 0);
    }

    /** A Japanese-style VIN (no check digit rule) no other test uses. */
    public static String vin() {
        return "JTDTEST" + String.format("%010d", SEQUENCE.incrementAndGet());
    }

    /** A legal entity registered in the legal entity registry (an LLC with one founder). */
    public static String entity(LegalEntities entities, CivilRegistry registry) {
        return EntityFixtures.entity(entities, registry).registrationNumber();
    }

    /** A well-formed 7-digit entity number that no entity has (the entity fixtures start theirs with 8). */
    public static String unregisteredEntity() {
        return "7" + String.format("%06d", SEQUENCE.incrementAndGet());
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
