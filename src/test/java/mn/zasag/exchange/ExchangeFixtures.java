package mn.zasag.exchange;

import mn.zasag.Fixtures;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;

import java.util.concurrent.atomic.AtomicInteger;

/** Members, subsystems, services, officials with tokens and persons for the exchange's tests. */
final class ExchangeFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 400_000));

    private ExchangeFixtures() {
    }

    /** A 7-digit member code no other test used (they start with 7; the demo's start with 9). */
    static String memberCode() {
        return String.format("7%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    record Party(String agency, String memberId, String subsystemId, String token, String login) {
    }

    /** A fresh agency with its GOV member, one subsystem and an officer's token. */
    static Party party(Agencies agencies, Accounts accounts, DemoTokens tokens, Directory directory, String subsystem) {
        String agency = Fixtures.freshAgency(agencies);
        Directory.Member member = directory.registerMember("GOV", memberCode(), "Test " + agency, agency);
        Directory.Subsystem s = directory.addSubsystem(member.id(), subsystem, subsystem, null);
        String login = Fixtures.freshLogin("xroad");
        long id = accounts.createStaff(new NewStaff(login, Role.OFFICER, agency, "Дорж", "Бат", null, Fixtures.PASSWORD));
        String token = "zsg_test_" + login + "_" + SEQUENCE.incrementAndGet();
        tokens.grant(id, token);
        return new Party(agency, member.id(), s.id(), token, login);
    }

    /** A person registered in the civil registry by a GASR registrar. */
    static String person(Agencies agencies, CivilRegistry registry) {
        if (agencies.find(CivilRegistry.OWNER_AGENCY).isEmpty()) {
            try {
                agencies.register(new Agency(CivilRegistry.OWNER_AGENCY, "Улсын бүртгэлийн ерөнхий газар", "General Authority for State Registration"));
            } catch (AgencyExists raced) {
                // another test class registered it first
            }
        }
        String rn = Fixtures.freshRegisterNumber();
        RegisterNumber number = RegisterNumber.parse(rn);
        registry.register(new NewPerson(number, null, null, "Дорж", "Сараа", number.sex(), number.birthDate(), "6501", "MNG", "1110",
                "1-р хороо", null, "Гэрчилгээ №X-1"), registrar());
        return rn;
    }

    static Actor registrar() {
        return new Actor() {
            @Override
            public Long accountId() {
                return null;
            }

            @Override
            public String login() {
                return "exchange-test-registrar";
            }

            @Override
            public String agencyCode() {
                return CivilRegistry.OWNER_AGENCY;
            }
        };
    }
}
