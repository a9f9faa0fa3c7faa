package mn.zasag.demo;

import mn.zasag.ZasagTest;
import mn.zasag.registry.ImportFailed;
import mn.zasag.registry.ImportProgress;
import mn.zasag.registry.PersonImporter;
import mn.zasag.registry.PersonsCsv;
import mn.zasag.registry.PopulationGenerator;
import mn.zasag.registry.PopulationSink;
import mn.zasag.registry.RegistryBulkLoad;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A synthetic country: the generator writes persons with their legal entities, vehicles, property and tax
 * accounts, the same for the same seed, consistent with each other (every founder, director, owner and
 * taxpayer is a generated person or entity); one bulk import loads all five files in one transaction; bad
 * rows of the other registries are rejected with their reasons while the good ones go in; a broken file of
 * another registry writes nothing at all. Each test uses a seed of its own, so numbers, plates and
 * certificates fall in blocks no other test uses.
 */
@ZasagTest
class SyntheticCountryTests {

    private static final long SEED = PopulationGenerator.DEFAULT_SEED;

    @Autowired
    PersonImporter importer;
    @Autowired
    JdbcClient jdbc;

    private static Path generate(long seed, int count) throws IOException {
        Path dir = Files.createTempDirectory("country");
        Path persons = dir.resolve("persons.csv");
        List<PopulationSink> sinks = new ArrayList<>();
        sinks.add(new PersonsCsv(Files.newOutputStream(persons)));
        sinks.addAll(SyntheticCountry.sinks(persons, seed, PopulationGenerator.DEFAULT_AS_OF));
        new PopulationGenerator(seed, PopulationGenerator.DEFAULT_AS_OF).generate(count, sinks);
        return persons;
    }

    private static List<String> lines(Path persons, String registry) throws IOException {
        return Files.readAllLines(PersonImporter.registryFileFor(persons, registry), StandardCharsets.UTF_8);
    }

    private static List<String[]> rows(Path persons, String registry) throws IOException {
        return lines(persons, registry).stream().skip(1).map(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).toList();
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object p : params) {
            statement = statement.param(p);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void theSameSeedGivesTheSameCountryAndItsRegistriesNameOnlyGeneratedPeopleAndEntities() throws IOException {
        Path one = generate(SEED + 101, 3000);
        Path two = generate(SEED + 101, 3000);
        Path other = generate(SEED + 102, 3000);
        for (String registry : List.of("entities", "vehicles", "property", "tax")) {
            assertThat(lines(one, registry)).as(registry).isEqualTo(lines(two, registry));
            assertThat(lines(one, registry)).as(registry).isNotEqualTo(lines(other, registry));
            assertThat(lines(one, registry).size()).as(registry).isGreaterThan(20);
        }
        assertThat(Files.readAllLines(one)).isEqualTo(Files.readAllLines(two));

        Set<String> persons = new HashSet<>();
        Files.readAllLines(one).stream().skip(1).forEach(l -> persons.add(l.substring(0, l.indexOf(','))));
        Set<String> entities = new HashSet<>();
        for (String[] e : rows(one, "entities")) {
            entities.add(e[0]);
            for (String founder : e[9].split(";")) {
                assertThat(persons).contains(founder.split(":")[0]);
            }
            assertThat(persons).contains(e[10]);
        }
        for (String[] v : rows(one, "vehicles")) {
            assertThat(v[6].equals("PERSON") ? persons : entities).contains(v[7]);
        }
        boolean shared = false;
        for (String[] p : rows(one, "property")) {
            double sum = 0;
            for (String owner : p[6].split(";")) {
                String[] o = owner.split(":");
                assertThat(o[0].equals("P") ? persons : entities).contains(o[1]);
                sum += Double.parseDouble(o[2]);
            }
            assertThat(sum).isEqualTo(1.0);
            shared |= p[6].contains(";");
        }
        assertThat(shared).as("some homes are owned by a couple").isTrue();
        for (String[] t : rows(one, "tax")) {
            assertThat(t[1].equals("PERSON") ? persons : entities).contains(t[0]);
        }
    }

    @Test
    void oneImportLoadsThePersonsAndEveryOtherRegistryOfTheCountry() throws IOException {
        Path persons = generate(SEED + 25, 4000);
        int entities = lines(persons, "entities").size() - 1;
        int vehicles = lines(persons, "vehicles").size() - 1;
        int property = lines(persons, "property").size() - 1;
        int taxpayers = lines(persons, "tax").size() - 1;

        ImportProgress done = importer.run(persons, "Туршилтын улс", "tester");

        assertThat(done.phase()).isEqualTo(ImportProgress.Phase.DONE);
        assertThat(done.imported()).isEqualTo(4000);
        assertThat(done.registries()).extracting(RegistryBulkLoad.BulkLoadResult::registry)
                .containsExactly("entities", "vehicles", "property", "tax");
        assertThat(done.registries()).extracting(RegistryBulkLoad.BulkLoadResult::rejected).containsOnly(0L);
        assertThat(done.registries()).extracting(RegistryBulkLoad.BulkLoadResult::imported)
                .containsExactly((long) entities, (long) vehicles, (long) property, (long) taxpayers);

        String[] entity = rows(persons, "entities").get(0);
        assertThat(jdbc.sql("select name_mn from legalentity.entity where registration_number = ?").param(entity[0])
                .query(String.class).single()).isEqualTo(entity[1]);
        assertThat(count("select count(*) from legalentity.founder where entity_number = ?", entity[0]))
                .isEqualTo(entity[9].split(";").length);
        assertThat(count("select count(*) from legalentity.entity_change where entity_number = ? and type = 'REGISTRATION' "
                + "and details ->> 'import' = ?", entity[0], done.id())).isEqualTo(1);
        String[] vehicle = rows(persons, "vehicles").get(0);
        assertThat(jdbc.sql("select owner_id from vehicles.vehicle where plate = ?").param(vehicle[0]).query(String.class)
                .single()).isEqualTo(vehicle[7]);
        assertThat(count("select count(*) from vehicles.vehicle_event where plate = ?", vehicle[0])).isEqualTo(2);
        String[] home = rows(persons, "property").get(0);
        assertThat(count("select count(*) from property.owner where certificate_number = ?", home[0]))
                .isEqualTo(home[6].split(";").length);
        String[] account = rows(persons, "tax").get(0);
        assertThat(count("select count(*) from tax.entry where taxpayer_id = ? and type = 'ASSESSMENT'", account[0]))
                .isEqualTo(1);
        assertThat(jdbc.sql("select details ->> 'entities' from audit.entry where action = 'registry.persons.imported' "
                + "and object_id = ?").param(done.id()).query(String.class).single())
                .isEqualTo(entities + " imported, 0 rejected");
    }

    @Test
    void badRowsOfTheOtherRegistriesAreRejectedWithTheirReasonsAndTheGoodOnesLoaded() throws IOException {
        Path persons = generate(SEED + 26, 400);
        List<String> people = Files.readAllLines(persons).stream().skip(1).map(l -> l.substring(0, l.indexOf(',')))
                .toList();
        String a = people.get(1);
        String b = people.get(2);
        Files.writeString(PersonImporter.registryFileFor(persons, "entities"), String.join("\n",
                String.join(",", mn.zasag.legalentity.EntitiesCsv.COLUMNS),
                "6990001,Туршилтын Сайн Компани,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":0.5;" + b + ":0.5," + a, // 2 ok
                "6990002,Туршилтын Муу Хувь,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":0.5;" + b + ":0.4," + a,    // 3
                "6990003,Туршилтын Танихгүй,,ХХК,ACTIVE,1101,,2020-01-02,,ЮЮ85010112:1," + a,                   // 4
                "699000,Туршилтын Богино,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":1," + a,                       // 5
                "6990001,Туршилтын Давхар,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":1," + a,                      // 6
                "6990006,Туршилтын Хэлбэр,,ЗЗЗ,ACTIVE,1101,,2020-01-02,," + a + ":1," + a,                      // 7
                "6990007,Туршилтын Огноо,,ХХК,ACTIVE,1101,,2020-02-30,," + a + ":1," + a,                       // 8
                "6990008,Туршилтын Сайн Компани,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":1," + a,                // 9
                "6990009,Туршилтын Захирал,,ХХК,ACTIVE,1101,,2020-01-02,," + a + ":1,ЮЮ85010112",               // 10
                "\"broken") + "\n", StandardCharsets.UTF_8);
        Files.writeString(PersonImporter.registryFileFor(persons, "vehicles"), String.join("\n",
                String.join(",", mn.zasag.vehicles.VehiclesCsv.COLUMNS),
                "9901УБЭ,JTDKB20U990000001,Toyota,Prius,2015,Цагаан,ENTITY,6990001,2021-01-01,,",          // 2 ok
                "9902УБЭ,JTDKB20U990000002,Toyota,Prius,2015,Цагаан,PERSON,ЮЮ85010112,2021-01-01,,",       // 3
                "9903ЖЖЭ,JTDKB20U990000003,Toyota,Prius,2015,Цагаан,PERSON," + a + ",2021-01-01,,",          // 4
                "9904УБЭ,JTDKB20U990000001,Toyota,Prius,2015,Цагаан,PERSON," + a + ",2021-01-01,,",          // 5
                "9905УБЭ,JTDKB20U990000005,Toyota,Prius,2015,Цагаан,ENTITY,6990002,2021-01-01,,") + "\n",   // 6
                StandardCharsets.UTF_8);
        Files.delete(PersonImporter.registryFileFor(persons, "property"));
        Files.delete(PersonImporter.registryFileFor(persons, "tax"));

        ImportProgress done = importer.run(persons, "Туршилт", "tester");

        assertThat(done.imported()).isEqualTo(400);
        assertThat(done.registries()).extracting(RegistryBulkLoad.BulkLoadResult::registry)
                .containsExactly("entities", "vehicles");
        assertThat(done.registries().get(0).imported()).isEqualTo(1);
        assertThat(done.registries().get(1).imported()).isEqualTo(1);
        Path entityRejects = PersonImporter.rejectsFileFor(PersonImporter.registryFileFor(persons, "entities"));
        assertThat(Files.readAllLines(entityRejects)).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly("line,reason", "3,shares_not_whole", "4,founder_not_registered", "5,number_invalid",
                        "6,duplicate_in_file", "7,legal_form_unknown", "8,date_invalid", "9,name_duplicate_in_file",
                        "10,director_not_registered", "11,malformed_row");
        Path vehicleRejects = PersonImporter.rejectsFileFor(PersonImporter.registryFileFor(persons, "vehicles"));
        assertThat(Files.readAllLines(vehicleRejects)).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly("line,reason", "3,owner_not_registered", "4,plate_invalid", "5,vin_duplicate_in_file",
                        "6,owner_not_registered");
        assertThat(count("select count(*) from legalentity.entity where registration_number = '6990001'")).isEqualTo(1);
        assertThat(count("select count(*) from vehicles.vehicle where plate = '9901УБЭ' and owner_id = '6990001'"))
                .isEqualTo(1);
    }

    @Test
    void aBrokenFileOfAnotherRegistryWritesNothingAtAll() throws IOException {
        Path persons = generate(SEED + 27, 300);
        String first = Files.readAllLines(persons).get(1);
        Files.writeString(PersonImporter.registryFileFor(persons, "tax"), "taxpayer,whatever\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.run(persons, "Туршилт", "tester")).isInstanceOf(ImportFailed.class)
                .extracting(e -> ((ImportFailed) e).code()).isEqualTo("import_header_invalid");

        assertThat(count("select count(*) from registry.person where register_number = ?",
                first.substring(0, first.indexOf(',')))).isZero();
        String entity = rows(persons, "entities").get(0)[0];
        assertThat(count("select count(*) from legalentity.entity where registration_number = ?", entity)).isZero();
    }
}
