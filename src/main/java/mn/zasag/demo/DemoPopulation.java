package mn.zasag.demo;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.registry.Person;
import mn.zasag.registry.PersonImporter;
import mn.zasag.registry.PersonsCsv;
import mn.zasag.registry.PopulationGenerator;
import mn.zasag.registry.SyntheticPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/**
 * A small, deterministic population for the civil registry: the demo citizen and about 10,000 people made by
 * {@link PopulationGenerator} and loaded through the bulk importer ({@link PersonImporter}), like a real
 * load of the registry. The same seed gives the same people on every fresh database.
 */
@Component
class DemoPopulation {

    static final int SIZE = 10_000;
    static final String DEMO_CITIZEN = "УБ90052114";
    private static final String LEGAL_BASIS = "Туршилтын өгөгдөл (demo data)";
    private final CivilRegistry registry;
    private final PersonImporter importer;
    private final Clock clock;

    DemoPopulation(CivilRegistry registry, PersonImporter importer, Clock clock) {
        this.registry = registry;
        this.importer = importer;
        this.clock = clock;
    }

    /** The registrar the demo data is recorded by: a system actor of the registration authority. */
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
            return CivilRegistry.OWNER_AGENCY;
        }
    };

    /** How many of the generated people the other registries' demo data (entities, property, vehicles…) draw from. */
    static final int HOLDERS = 300;

    /** Seeds the population; returns the first {@value #HOLDERS} generated people, for the other registries' demo data. */
    List<Person> seed() {
        Person citizen = registry.register(new NewPerson(RegisterNumber.parse(DEMO_CITIZEN, clock), "100000001",
                "Боржигон", "Болд", "Бат-Эрдэнэ", Sex.MALE, LocalDate.of(1990, 5, 21), "6501", "MNG", "1110",
                "13-р хороо, 5-р байр, 12 тоот", "+97699112233", LEGAL_BASIS), SEEDER);

        // everyone else through the bulk importer, as a real registry would be loaded
        PopulationGenerator generator = new PopulationGenerator();
        Path csv = null;
        try {
            csv = Files.createTempFile("zasag-demo-persons", ".csv");
            generator.generate(SIZE, List.of(new PersonsCsv(Files.newOutputStream(csv))));
            importer.run(csv, LEGAL_BASIS, "demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(csv);
        }

        // the demo citizen moved once and married, so «My data» shows a history
        Person wife = null;
        for (Iterator<SyntheticPerson> people = generator.people(SIZE); wife == null && people.hasNext(); ) {
            SyntheticPerson p = people.next();
            if (p.sex() == Sex.FEMALE && p.spouse() == null && p.birthDate().getYear() >= 1988
                    && p.birthDate().getYear() <= 1994) {
                wife = registry.own(p.registerNumber()).filter(found -> found.spouse() == null).orElse(null);
            }
        }
        registry.record(citizen.registerNumber(), NewCivilEvent.addressChange(LocalDate.of(2015, 9, 1), LEGAL_BASIS,
                "1110", "13-р хороо, 5-р байр, 12 тоот"), SEEDER);
        registry.record(citizen.registerNumber(), NewCivilEvent.marriage(LocalDate.of(2018, 6, 16), LEGAL_BASIS,
                java.util.Objects.requireNonNull(wife, "no unmarried woman of the right age").registerNumber()), SEEDER);

        List<Person> holders = new java.util.ArrayList<>();
        for (Iterator<SyntheticPerson> people = generator.people(SIZE); holders.size() < HOLDERS && people.hasNext(); ) {
            registry.own(people.next().registerNumber()).ifPresent(holders::add);
        }
        return holders;
    }

    private static void delete(Path csv) {
        if (csv == null) {
            return;
        }
        try {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(PersonImporter.rejectsFileFor(csv));
        } catch (IOException ignored) {
            // a temporary file left behind
        }
    }
}
