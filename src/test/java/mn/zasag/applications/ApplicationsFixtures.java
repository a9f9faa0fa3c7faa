package mn.zasag.applications;

import mn.zasag.Fixtures;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.exchange.Directory;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;

/** Citizens known to the civil registry (so pre-fill finds them) and the agencies the two forms belong to. */
final class ApplicationsFixtures {

    private ApplicationsFixtures() {
    }

    static void agency(Agencies agencies, String code) {
        if (agencies.find(code).isEmpty()) {
            try {
                agencies.register(new Agency(code, "Газар " + code, "Agency " + code));
            } catch (AgencyExists raced) {
                // registered meanwhile
            }
        }
    }

    /**
     * The portal's client subsystem and its grants on the registries the two forms pre-fill from, as the demo directory
     * has them (tests run without demo data). Idempotent: the first test class sets it up.
     */
    static synchronized void portal(Agencies agencies, Directory directory) {
        String[][] members = {{"CITA", "9011001"}, {"GASR", "9011002"}, {"GASI", "9011003"}};
        for (String[] m : members) {
            agency(agencies, m[0]);
            if (directory.memberOfAgency(m[0]).isEmpty()) {
                directory.registerMember("GOV", m[1], "Газар " + m[0], m[0]);
            }
        }
        String cita = directory.memberOfAgency("CITA").orElseThrow().id();
        String portal = cita + "/portal";
        if (directory.subsystem(portal).isEmpty()) {
            directory.addSubsystem(cita, "portal", "Портал", null);
        }
        String[][] providers = {{"GASR", "apps-civil", "civil-registry.person"}, {"GASR", "apps-civil", "civil-registry.address"},
                {"GASI", "apps-insurance", "social-insurance.contributions"}};
        for (String[] p : providers) {
            boolean granted = directory.services(null).stream().filter(s -> p[2].equals(s.provider()))
                    .anyMatch(s -> directory.rights(s.id()).stream().anyMatch(r -> portal.equals(r.clientId())));
            if (granted) {
                continue;
            }
            String member = directory.memberOfAgency(p[0]).orElseThrow().id();
            String subsystem = member + "/" + p[1];
            if (directory.subsystem(subsystem).isEmpty()) {
                directory.addSubsystem(member, p[1], p[1], null);
            }
            String code = p[2].substring(p[2].indexOf('.') + 1) + "-apps";
            var service = directory.publish(subsystem, p[2], code, null);
            directory.grant(service.id(), null, portal, null);
        }
    }

    /** A citizen with an account and a civil record (given name Сараа, family name Дорж). */
    static String registeredCitizen(Accounts accounts, Agencies agencies, CivilRegistry registry) {
        agency(agencies, CivilRegistry.OWNER_AGENCY);
        String rn = Fixtures.freshRegisterNumber();
        RegisterNumber number = RegisterNumber.parse(rn);
        registry.register(new NewPerson(number, null, null, "Дорж", "Сараа", number.sex(), number.birthDate(), "6501", "MNG", "1110",
                "1-р хороо", null, "Гэрчилгээ №A-1"), registrar());
        accounts.registerCitizen(new NewCitizen(number, "Дорж", "Сараа", "+97699001122", null, Fixtures.PASSWORD));
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
                return "applications-test-registrar";
            }

            @Override
            public String agencyCode() {
                return CivilRegistry.OWNER_AGENCY;
            }
        };
    }
}
