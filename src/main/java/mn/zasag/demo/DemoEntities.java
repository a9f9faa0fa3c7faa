package mn.zasag.demo;

import mn.zasag.legalentity.EntityChangeType;
import mn.zasag.legalentity.Founder;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.legalentity.NewEntity;
import mn.zasag.legalentity.NewEntityChange;
import mn.zasag.property.EncumbranceType;
import mn.zasag.property.NewEncumbrance;
import mn.zasag.property.NewProperty;
import mn.zasag.property.Owner;
import mn.zasag.property.PropertyRegistry;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Demo legal entities and property for the demo population: about 50 entities (a few suspended or
 * liquidated, some founded by other entities) and about 100 properties (some mortgaged, some sold on),
 * deterministic like the population. The demo citizen founds and directs one company and owns a mortgaged
 * flat with his wife.
 */
@Component
class DemoEntities {

    private static final Logger log = LoggerFactory.getLogger(DemoEntities.class);
    static final int ENTITIES = 50;
    static final int PROPERTIES = 100;
    static final String CITIZEN_COMPANY = "2085014";
    static final String CITIZEN_FLAT = "Ү-1809201455";
    private static final String BASIS = "Туршилтын өгөгдөл (demo data)";
    private static final String[][] FIRST = {{"Алтан", "Altan"}, {"Хөх", "Khukh"}, {"Говь", "Gobi"}, {"Мөнх", "Munkh"},
            {"Од", "Od"}, {"Нар", "Nar"}, {"Хангай", "Khangai"}, {"Тэнгэр", "Tenger"}, {"Эрдэнэ", "Erdene"},
            {"Цэцэг", "Tsetseg"}, {"Сүлд", "Suld"}, {"Талст", "Talst"}};
    private static final String[][] SECOND = {{"Трейд", "Trade"}, {"Констракшн", "Construction"}, {"Хүнс", "Foods"},
            {"Логистик", "Logistics"}, {"Майнинг", "Mining"}, {"Аялал", "Travel"}, {"Групп", "Group"}, {"Тех", "Tech"},
            {"Агро", "Agro"}, {"Сүү", "Dairy"}, {"Ноос", "Wool"}, {"Эмнэлэг", "Clinic"}};
    private static final String[] FORMS = {"ХХК", "ХХК", "ХХК", "ХХК", "ХХК", "ХК", "ТББ", "ХОРШОО"};
    private static final String[] PURPOSES = {"RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "HOUSE",
            "HOUSE", "COMMERCIAL", "OFFICE", "GARAGE", "LAND"};

    private static final Actor SEEDER = new Actor() {
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
            return LegalEntities.OWNER_AGENCY;
        }
    };

    private final LegalEntities entities;
    private final PropertyRegistry property;
    private final CivilRegistry civil;
    private final Divisions divisions;
    private final Clock clock;

    DemoEntities(LegalEntities entities, PropertyRegistry property, CivilRegistry civil, Divisions divisions, Clock clock) {
        this.entities = entities;
        this.property = property;
        this.civil = civil;
        this.divisions = divisions;
        this.clock = clock;
    }

    void seed(List<Person> people) {
        long started = System.nanoTime();
        Random random = new Random(20261128L);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        List<Person> adults = people.stream().filter(p -> p.birthDate().isBefore(LocalDate.of(1996, 1, 1))).toList();
        List<String> capital = divisions.all().stream().filter(d -> "khoroo".equals(d.level())).map(Division::code).toList();
        List<String> soums = divisions.all().stream().filter(d -> "soum".equals(d.level())).map(Division::code).toList();
        Person citizen = civil.own(DemoPopulation.DEMO_CITIZEN).orElseThrow();

        // two banks first: they hold the mortgages
        List<Person> founders1998 = adults(adults, LocalDate.of(1998, 1, 1));
        Person banker = founders1998.get(0);
        Person banker2 = founders1998.get(1);
        LegalEntity bank1 = entities.register(new NewEntity("2000461", "Хөх Тэнгэр Банк", "Khukh Tenger Bank", "ХК", "1110",
                "Энхтайвны өргөн чөлөө 19", LocalDate.of(1998, 3, 12), List.of(Founder.person(banker.registerNumber(), BigDecimal.ONE)),
                List.of(banker.registerNumber()), BASIS), SEEDER);
        LegalEntity bank2 = entities.register(new NewEntity("2000798", "Алтан Говь Банк", "Altan Gobi Bank", "ХК", "1125",
                "Чингисийн өргөн чөлөө 7", LocalDate.of(2001, 9, 4), List.of(Founder.person(banker2.registerNumber(), new BigDecimal("0.7")),
                Founder.entity(bank1.registrationNumber(), new BigDecimal("0.3"))), List.of(banker2.registerNumber()), BASIS), SEEDER);
        List<LegalEntity> banks = List.of(bank1, bank2);

        // the demo citizen's company
        LocalDate citizenCompanyOn = LocalDate.of(2016, 4, 18);
        Person partner = founders1998.get(2);
        entities.register(new NewEntity(CITIZEN_COMPANY, "Бат-Эрдэнэ Трейд", "Bat-Erdene Trade", "ХХК", "1110",
                "13-р хороо, 5-р байр", citizenCompanyOn, List.of(Founder.person(citizen.registerNumber(), new BigDecimal("0.6")),
                Founder.person(partner.registerNumber(), new BigDecimal("0.4"))), List.of(citizen.registerNumber()), BASIS), SEEDER);

        List<LegalEntity> live = new ArrayList<>(List.of(bank1, bank2));
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>(Set.of(bank1.registrationNumber(), bank2.registrationNumber(), CITIZEN_COMPANY));
        while (numbers.size() < ENTITIES) {
            String[] a = FIRST[random.nextInt(FIRST.length)];
            String[] b = SECOND[random.nextInt(SECOND.length)];
            if (!names.add(a[0] + b[0])) {
                continue;
            }
            String number;
            do {
                number = (random.nextInt(3) == 0 ? "5" : "2") + String.format("%06d", random.nextInt(1_000_000));
            } while (!numbers.add(number));
            LocalDate on = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(29 * 365));
            if (on.isAfter(today)) {
                on = today.minusDays(30);
            }
            List<Person> eligible = adults(adults, on);
            int count = 1 + random.nextInt(3);
            List<Founder> founders = new ArrayList<>();
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < count) {
                String rn = eligible.get(random.nextInt(eligible.size())).registerNumber();
                if (!chosen.contains(rn) && !rn.equals(citizen.registerNumber())) {
                    chosen.add(rn);
                }
            }
            LegalEntity parent = live.size() > 5 && random.nextInt(8) == 0 ? live.get(2 + random.nextInt(live.size() - 2)) : null;
            int parts = chosen.size() + (parent != null && !parent.registeredOn().isAfter(on) ? 1 : 0);
            BigDecimal each = BigDecimal.ONE.divide(BigDecimal.valueOf(parts), 6, RoundingMode.DOWN);
            BigDecimal rest = BigDecimal.ONE.subtract(each.multiply(BigDecimal.valueOf(parts - 1)));
            for (int i = 0; i < chosen.size(); i++) {
                founders.add(Founder.person(chosen.get(i), i == 0 ? rest : each));
            }
            if (parts > chosen.size()) {
                founders.add(Founder.entity(parent.registrationNumber(), each));
            }
            String form = FORMS[random.nextInt(FORMS.length)];
            boolean inCapital = random.nextInt(100) < 70;
            String division = inCapital ? capital.get(random.nextInt(capital.size())) : soums.get(random.nextInt(soums.size()));
            LegalEntity e = entities.register(new NewEntity(number, a[0] + " " + b[0], a[1] + " " + b[1], form, division,
                    inCapital ? (1 + random.nextInt(60)) + "-р байр" : null, on, founders, List.of(chosen.get(0)), BASIS), SEEDER);
            int fate = random.nextInt(12);
            if (fate == 0 || fate == 1) {
                LocalDate end = on.plusDays(365 + random.nextInt(3000));
                entities.change(number, NewEntityChange.status(fate == 0 ? EntityChangeType.SUSPENSION : EntityChangeType.LIQUIDATION,
                        end.isAfter(today) ? today : end, BASIS), SEEDER);
            } else {
                live.add(e);
            }
        }

        // property: the demo citizen's flat, mortgaged, owned with his wife
        String wife = citizen.spouse();
        List<Owner> family = wife == null ? List.of(Owner.person(citizen.registerNumber(), BigDecimal.ONE))
                : List.of(Owner.person(citizen.registerNumber(), new BigDecimal("0.5")), Owner.person(wife, new BigDecimal("0.5")));
        property.register(new NewProperty(CITIZEN_FLAT, "111013", "13-р хороо, 5-р байр, 12 тоот", new BigDecimal("68.40"),
                "RESIDENTIAL", LocalDate.of(2018, 9, 20), family, BASIS), SEEDER);
        property.encumber(CITIZEN_FLAT, new NewEncumbrance(EncumbranceType.MORTGAGE, bank1.nameMn(), bank1.registrationNumber(),
                new BigDecimal("145000000"), LocalDate.of(2018, 9, 21), BASIS), SEEDER);

        Set<String> certificates = new HashSet<>(Set.of(CITIZEN_FLAT));
        for (int i = 1; i < PROPERTIES; i++) {
            LocalDate on = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(24 * 365));
            if (on.isAfter(today)) {
                on = today.minusDays(10);
            }
            String number;
            do {
                number = String.format("Ү-%02d%02d%06d", on.getYear() % 100, on.getMonthValue(), random.nextInt(1_000_000));
            } while (!certificates.add(number));
            List<Person> eligible = adults(adults, on);
            List<Owner> owners;
            int kind = random.nextInt(10);
            LocalDate onDate = on;
            List<LegalEntity> entityOwners = live.stream().filter(x -> !x.registeredOn().isAfter(onDate)).toList();
            if (kind == 0 && !entityOwners.isEmpty()) {
                owners = List.of(Owner.entity(entityOwners.get(random.nextInt(entityOwners.size())).registrationNumber(), BigDecimal.ONE));
            } else if (kind <= 2) {
                String x = eligible.get(random.nextInt(eligible.size())).registerNumber();
                String y;
                do {
                    y = eligible.get(random.nextInt(eligible.size())).registerNumber();
                } while (y.equals(x));
                owners = List.of(Owner.person(x, new BigDecimal("0.5")), Owner.person(y, new BigDecimal("0.5")));
            } else {
                owners = List.of(Owner.person(eligible.get(random.nextInt(eligible.size())).registerNumber(), BigDecimal.ONE));
            }
            String purpose = PURPOSES[random.nextInt(PURPOSES.length)];
            boolean inCapital = random.nextInt(100) < 60 && !"LAND".equals(purpose);
            String division = inCapital ? capital.get(random.nextInt(capital.size())) : soums.get(random.nextInt(soums.size()));
            BigDecimal area = switch (purpose) {
                case "LAND" -> BigDecimal.valueOf(300 + random.nextInt(2000));
                case "GARAGE" -> BigDecimal.valueOf(15 + random.nextInt(20));
                case "HOUSE" -> BigDecimal.valueOf(50 + random.nextInt(150));
                default -> BigDecimal.valueOf(2500 + random.nextInt(15000), 2);
            };
            property.register(new NewProperty(number, division, inCapital ? (1 + random.nextInt(90)) + "-р байр, "
                    + (1 + random.nextInt(120)) + " тоот" : null, area, purpose, on, owners, BASIS), SEEDER);
            int story = random.nextInt(10);
            if (story <= 1) {
                LegalEntity bank = banks.get(random.nextInt(banks.size()));
                LocalDate mortgaged = later(on, bank.registeredOn()).plusDays(1 + random.nextInt(60));
                if (!mortgaged.isAfter(today)) {
                    property.encumber(number, new NewEncumbrance(EncumbranceType.MORTGAGE, bank.nameMn(), bank.registrationNumber(),
                            BigDecimal.valueOf(20_000_000L + random.nextInt(200) * 1_000_000L), mortgaged, BASIS), SEEDER);
                }
            } else if (story == 2) {
                LocalDate sold = on.plusDays(200 + random.nextInt(2000));
                if (!sold.isAfter(today)) {
                    List<Person> buyers = adults(adults, sold);
                    String buyer = buyers.get(random.nextInt(buyers.size())).registerNumber();
                    if (owners.stream().noneMatch(o -> buyer.equals(o.person()))) {
                        property.transfer(number, List.of(Owner.person(buyer, BigDecimal.ONE)), sold, BASIS, SEEDER);
                    }
                }
            }
        }
        log.info("Demo legal entities ({}) and property ({}) seeded in {} ms", entities.count(), property.count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The people who were adults (18) on that day and are alive. */
    private static List<Person> adults(List<Person> people, LocalDate on) {
        return people.stream().filter(p -> p.alive() && !p.birthDate().plusYears(18).isAfter(on)).toList();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
