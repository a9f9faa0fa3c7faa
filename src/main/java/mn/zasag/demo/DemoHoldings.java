package mn.zasag.demo;

import mn.zasag.customs.CustomsDebt;
import mn.zasag.customs.CustomsDebts;
import mn.zasag.legalentity.Founder;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.NewEntity;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.socialinsurance.SocialInsurance;
import mn.zasag.tax.TaxEntry;
import mn.zasag.tax.TaxRegistry;
import mn.zasag.tax.TaxType;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.PlateNumber;
import mn.zasag.vehicles.VehicleRegistry;
import mn.zasag.vehicles.Vin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * What the demo population holds in the other base registries: vehicles (with a transfer and inspections),
 * tax accounts, social insurance contributions and customs debts. The demo citizen owns two vehicles (one
 * bought second-hand, one with an overdue inspection), has paid all their taxes (so their "no tax debt"
 * statement says so) and two years of contributions. Deterministic and small, so a fresh start stays fast.
 */
@Component
class DemoHoldings {

    private static final Logger log = LoggerFactory.getLogger(DemoHoldings.class);

    private static final String LEGAL_BASIS = "Туршилтын өгөгдөл (demo data)";
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    /** Demo legal entities (registered here unless the entity registry's own demo data has them). */
    static final List<String> ENTITIES = List.of("2012345", "5012345", "6098765", "9011223");
    private static final List<String> ENTITY_NAMES = List.of("Говь Импекс", "Хан-Уул Инженеринг", "Сэлэнгэ Агро",
            "Номин Тээвэр");
    private static final String[][] MODELS = {{"Toyota", "Prius", "JTD"}, {"Toyota", "Land Cruiser 200", "JTM"},
            {"Hyundai", "Accent", "KMH"}, {"Hyundai", "Porter", "KMF"}, {"Nissan", "X-Trail", "JN1"},
            {"Lexus", "RX 450h", "JTJ"}, {"Kia", "Sorento", "KNA"}, {"Toyota", "Camry", "JTN"}};
    private static final String[] COLOURS = {"Цагаан", "Хар", "Мөнгөлөг", "Саарал", "Улаан", "Хөх"};

    private final VehicleRegistry vehicles;
    private final TaxRegistry tax;
    private final SocialInsurance insurance;
    private final CustomsDebts customs;
    private final LegalEntities entities;
    private final Clock clock;

    DemoHoldings(VehicleRegistry vehicles, TaxRegistry tax, SocialInsurance insurance, CustomsDebts customs,
                 LegalEntities entities, Clock clock) {
        this.entities = entities;
        this.vehicles = vehicles;
        this.tax = tax;
        this.insurance = insurance;
        this.customs = customs;
        this.clock = clock;
    }

    /** Seeds the holdings of the population (the people besides the demo citizen, as {@link DemoPopulation} returns them). */
    void seed(List<Person> people) {
        long started = System.nanoTime();
        Random random = new Random(20261128L);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        Actor mrt = seeder(VehicleRegistry.OWNER_AGENCY);
        Actor gdt = seeder(TaxRegistry.OWNER_AGENCY);
        Actor gasi = seeder(SocialInsurance.OWNER_AGENCY);
        Actor customsOfficer = seeder(CustomsDebts.OWNER_AGENCY);
        String citizen = DemoPopulation.DEMO_CITIZEN;
        List<Person> adults = people.stream().filter(p -> p.birthDate().plusYears(20).isBefore(today)).toList();

        // the employers, importers and fleet owners, each founded and run by a person of the population
        for (int i = 0; i < ENTITIES.size(); i++) {
            if (!entities.exists(ENTITIES.get(i))) {
                String founder = adults.get(10 + i).registerNumber();
                entities.register(new NewEntity(ENTITIES.get(i), ENTITY_NAMES.get(i) + " ХХК", null, "ХХК", "1110", null,
                        LocalDate.of(2008, 3, 1).plusMonths(i), List.of(Founder.person(founder, BigDecimal.ONE)),
                        List.of(founder), LEGAL_BASIS), seeder(LegalEntities.OWNER_AGENCY));
            }
        }

        // vehicles: the citizen's two, then a few across the aimags for other people and entities
        Person seller = adults.get(0);
        vehicles.register(new NewVehicle("1234УБА", vin(random, "JTD"), "Toyota", "Prius", 2015, "Мөнгөлөг",
                seller.registerNumber(), LocalDate.of(2016, 4, 12), LEGAL_BASIS), mrt);
        vehicles.transfer("1234УБА", citizen, LocalDate.of(2022, 8, 3), LEGAL_BASIS, mrt);
        vehicles.inspect("1234УБА", today.minusMonths(3), true, null, LEGAL_BASIS, mrt);
        vehicles.register(new NewVehicle("5678УНБ", northAmericanVin(random), "Ford", "Ranger", 2019, "Хар",
                citizen, LocalDate.of(2020, 2, 20), LEGAL_BASIS), mrt);
        vehicles.inspect("5678УНБ", today.minusMonths(15), true, null, LEGAL_BASIS, mrt);
        List<String> regions = PlateNumber.REGIONS.keySet().stream().sorted().toList();
        for (int i = 0; i < 24; i++) {
            String[] model = MODELS[random.nextInt(MODELS.length)];
            String owner = i % 6 == 5 ? ENTITIES.get(random.nextInt(ENTITIES.size()))
                    : adults.get(1 + random.nextInt(adults.size() - 1)).registerNumber();
            String plate = String.format("%04d", 1 + random.nextInt(9999)) + regions.get(random.nextInt(regions.size()))
                    + "АБВГДЕЖЗ".charAt(random.nextInt(8));
            if (vehicles.exists(plate)) {
                continue;
            }
            int year = 2005 + random.nextInt(20);
            vehicles.register(new NewVehicle(plate, vin(random, model[2]), model[0], model[1], year,
                    COLOURS[random.nextInt(COLOURS.length)], owner, LocalDate.of(Math.max(year, 2010), 3, 1)
                            .plusDays(random.nextInt(300)), LEGAL_BASIS), mrt);
            if (random.nextInt(3) > 0) {
                vehicles.inspect(plate, today.minusDays(random.nextInt(500)), random.nextInt(8) > 0, null, LEGAL_BASIS, mrt);
            }
        }

        // tax: the citizen paid what was assessed; others (a person, an entity) owe some
        tax.registerTaxpayer(citizen, "1110", LocalDate.of(2012, 1, 10), LEGAL_BASIS, gdt);
        entry(gdt, citizen, TaxEntry.Type.ASSESSMENT, TaxType.VEHICLE, "86400", LocalDate.of(2026, 2, 1));
        entry(gdt, citizen, TaxEntry.Type.PAYMENT, TaxType.VEHICLE, "86400", LocalDate.of(2026, 3, 15));
        entry(gdt, citizen, TaxEntry.Type.ASSESSMENT, TaxType.PROPERTY, "120000", LocalDate.of(2026, 1, 15));
        entry(gdt, citizen, TaxEntry.Type.PAYMENT, TaxType.PROPERTY, "120000", LocalDate.of(2026, 4, 1));
        String debtor = adults.get(1).registerNumber();
        tax.registerTaxpayer(debtor, "1107", LocalDate.of(2015, 5, 5), LEGAL_BASIS, gdt);
        entry(gdt, debtor, TaxEntry.Type.ASSESSMENT, TaxType.PERSONAL_INCOME, "450000", LocalDate.of(2026, 2, 10));
        entry(gdt, debtor, TaxEntry.Type.PAYMENT, TaxType.PERSONAL_INCOME, "200000", LocalDate.of(2026, 3, 10));
        tax.registerTaxpayer(ENTITIES.get(1), "1110", LocalDate.of(2010, 9, 1), LEGAL_BASIS, gdt);
        entry(gdt, ENTITIES.get(1), TaxEntry.Type.ASSESSMENT, TaxType.VAT, "3200000", LocalDate.of(2026, 7, 20));

        // social insurance: the citizen's last 24 months at his own company (when the entity demo data made
        // it), 24 % of the wage (employee and employer shares together), and a year for one other person
        String employer = entities.exists(DemoEntities.CITIZEN_COMPANY) ? DemoEntities.CITIZEN_COMPANY : ENTITIES.get(1);
        YearMonth now = YearMonth.from(today);
        BigDecimal wage = new BigDecimal("2400000");
        for (int m = 24; m >= 1; m--) {
            insurance.contribute(citizen, employer, now.minusMonths(m), wage, new BigDecimal("576000"),
                    LEGAL_BASIS, gasi);
        }
        for (int m = 12; m >= 1; m--) {
            insurance.contribute(debtor, ENTITIES.get(2), now.minusMonths(m), new BigDecimal("1800000"),
                    new BigDecimal("432000"), LEGAL_BASIS, gasi);
        }

        // customs: a person's debt, partly paid, and an entity's
        CustomsDebt debt = customs.assess(adults.get(2).registerNumber(), "10026/2026-0457", new BigDecimal("1350000"),
                LocalDate.of(2026, 6, 5), LEGAL_BASIS, customsOfficer);
        customs.pay(debt.id(), new BigDecimal("500000"), LocalDate.of(2026, 7, 1), LEGAL_BASIS, customsOfficer);
        customs.assess(ENTITIES.get(0), "10001/2026-1123", new BigDecimal("8900000"), LocalDate.of(2026, 9, 12),
                LEGAL_BASIS, customsOfficer);
        log.info("Demo vehicles, taxes, contributions and customs debts seeded in {} ms",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void entry(Actor gdt, String taxpayer, TaxEntry.Type type, TaxType taxType, String amount, LocalDate on) {
        tax.recordEntry(taxpayer, type, taxType, new BigDecimal(amount), on, null, LEGAL_BASIS, gdt);
    }

    private static String vin(Random random, String wmi) {
        StringBuilder vin = new StringBuilder(wmi);
        while (vin.length() < 17) {
            vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        return vin.toString();
    }

    /** A VIN made for North America carries the check digit in its 9th position. */
    private static String northAmericanVin(Random random) {
        StringBuilder vin = new StringBuilder(vin(random, "1FT"));
        vin.setCharAt(8, '0');
        vin.setCharAt(8, Vin.checkDigit(vin.toString()));
        return vin.toString();
    }

    private static Actor seeder(String agency) {
        return new Actor() {
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
                return agency;
            }
        };
    }
}
