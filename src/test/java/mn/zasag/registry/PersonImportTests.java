package mn.zasag.registry;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bulk importer: a generated population goes in whole with its events and one audit entry; every kind
 * of bad row is rejected with its line and reason while the good rows go in; a file in another encoding
 * or with a wrong header writes nothing; the admin page and its progress JSON are the platform admin's.
 * Hand-written rows use register numbers starting with Ю, which no other test or the generator uses.
 */
@ZasagTest
class PersonImportTests {

    private static final String HEADER = String.join(",", PersonsCsv.COLUMNS);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    PersonImporter importer;
    @Autowired
    CivilRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    mn.zasag.audit.AuditTrail audit;

    /** A fresh register number starting with Ю for someone born that day. */
    private static String rn(LocalDate birth, boolean male) {
        int n = SEQUENCE.incrementAndGet();
        String letters = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЯ";
        int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        return "Ю" + letters.charAt(n % letters.length()) + String.format("%02d%02d%02d%d%d", birth.getYear() % 100, month,
                birth.getDayOfMonth(), (n % 5) * 2 + (male ? 1 : 0), (n / letters.length()) % 10);
    }

    private static String row(String rn, LocalDate birth, String sex, String spouse, String married) {
        return String.join(",", rn, "", "Боржигон", "Дорж", "Сараа", sex, birth.toString(), "6501", "MNG", "110101",
                "\"5-р байр, 12 тоот\"", "+97699112233", spouse == null ? "" : spouse, married == null ? "" : married);
    }

    private static Path file(String text, Charset charset) throws IOException {
        Path csv = Files.createTempFile("persons", ".csv");
        Files.writeString(csv, text, charset);
        return csv;
    }

    private long persons() {
        return registry.count();
    }

    @Test
    void aGeneratedPopulationIsImportedWithBirthAndMarriageEventsAndOneAuditEntry() throws IOException {
        Path csv = Files.createTempFile("generated", ".csv");
        PopulationGenerator generator = new PopulationGenerator(424242L, PopulationGenerator.DEFAULT_AS_OF);
        generator.generate(600, List.of(new PersonsCsv(Files.newOutputStream(csv))));
        long before = persons();

        ImportProgress done = importer.run(csv, "Туршилт №1", "tester");

        assertThat(done.phase()).isEqualTo(ImportProgress.Phase.DONE);
        assertThat(done.rowsRead()).isEqualTo(600);
        assertThat(done.imported()).isEqualTo(600);
        assertThat(done.rejected()).isZero();
        assertThat(Files.exists(PersonImporter.rejectsFileFor(csv))).isFalse();
        assertThat(persons()).isEqualTo(before + 600);
        SyntheticPerson married = null;
        for (Iterator<SyntheticPerson> it = generator.people(600); married == null && it.hasNext(); ) {
            SyntheticPerson p = it.next();
            married = p.spouse() != null ? p : null;
        }
        assertThat(married).isNotNull();
        Person person = registry.own(married.registerNumber()).orElseThrow();
        assertThat(person.spouse()).isEqualTo(married.spouse());
        assertThat(person.givenName()).isEqualTo(married.givenName());
        assertThat(registry.history(married.registerNumber())).extracting(CivilEvent::type)
                .containsExactly(CivilEventType.BIRTH, CivilEventType.MARRIAGE);
        assertThat(registry.history(married.registerNumber()).get(0).legalBasis()).isEqualTo("Туршилт №1");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'registry.persons.imported' and object_id = :id")
                .param("id", done.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from registry.civil_event where details ->> 'import' = :id")
                .param("id", done.id()).query(Long.class).single()).isGreaterThan(600);
    }

    @Test
    void badRowsAreRejectedWithLineAndReasonAndTheGoodOnesImported() throws IOException {
        LocalDate adult = LocalDate.of(1985, 3, 4);
        LocalDate child = LocalDate.of(2015, 6, 7);
        String good = rn(adult, true);
        String husband = rn(adult, true);
        String wife = rn(LocalDate.of(1987, 1, 2), false);
        String duplicate = rn(adult, false);
        String registered = rn(adult, false);
        registry.register(RegistryFixtures.person(registered, "Дорж", "Өмнө"),
                RegistryFixtures.actor("registrar", CivilRegistry.OWNER_AGENCY));
        String minor = rn(child, false);
        String lonely = rn(adult, true);
        String future = LocalDate.now().plusDays(3).toString();
        List<String> lines = List.of(
                HEADER,
                row(good, adult, "MALE", null, null),                                        // 2 imported
                row(husband, adult, "MALE", wife, "2010-05-05"),                             // 3 imported
                row(wife, LocalDate.of(1987, 1, 2), "FEMALE", husband, "2010-05-05"),        // 4 imported
                "\"ЮА85030411,broken",                                                      // 5 malformed
                "ЮА85030411,1,2",                                                            // 6 column count
                row("AB85030411", adult, "MALE", null, null),                                // 7 Latin letters
                row(rn(adult, true), LocalDate.of(1985, 3, 5), "MALE", null, null),          // 8 birth date differs
                row(rn(adult, true), adult, "MALE", null, null).replace("1985-03-04", "1985-02-30"),     // 9 no such day
                row(rn(adult, true), adult, "FEMALE", null, null),                           // 10 sex differs
                row(duplicate, adult, "FEMALE", null, null),                                 // 11 imported
                row(duplicate, adult, "FEMALE", null, null),                                 // 12 duplicate in file
                row(registered, adult, "FEMALE", null, null),                                // 13 already registered
                row(minor, child, "FEMALE", good, "2020-01-01"),                             // 14 married at 4
                row(lonely, adult, "MALE", rn(adult, false), "2010-01-01"),                  // 15 spouse not in file
                row(rn(adult, true), adult, "MALE", null, null).replace("6501", "9999"),     // 16 unknown division
                row(rn(adult, true), adult, "MALE", null, null).replace("Сараа", "Sar@a"),  // 17 bad name
                row(rn(adult, true), adult, "MALE", "ЮБ80010111", future),                   // 18 marriage in future
                row(rn(adult, true), adult, "MALE", "ЮБ80010111", "1980-01-01"));            // 19 marriage before birth
        // line 9's register number says 1985-03-04, its birth date column is an impossible date
        Path csv = file(String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        long before = persons();

        ImportProgress done = importer.run(csv, "Туршилт №2", "tester");

        assertThat(done.imported()).isEqualTo(4);
        assertThat(done.rejected()).isEqualTo(14);
        assertThat(persons()).isEqualTo(before + 4);
        assertThat(registry.own(good)).isPresent();
        assertThat(registry.own(wife).orElseThrow().spouse()).isEqualTo(husband);
        assertThat(registry.own(lonely)).isEmpty();
        List<String> rejects = Files.readAllLines(PersonImporter.rejectsFileFor(csv), StandardCharsets.UTF_8);
        assertThat(rejects.get(0)).isEqualTo("line,reason,row");
        assertThat(rejects.subList(1, rejects.size())).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly("5,malformed_row", "6,column_count", "7,register_number_invalid",
                        "8,birth_date_mismatch", "9,birth_date_invalid", "10,sex_mismatch", "12,duplicate_in_file",
                        "13,already_registered", "14,marriage_minor", "15,spouse_not_in_file", "16,division_unknown",
                        "17,name_invalid", "18,marriage_in_future", "19,marriage_before_birth");
        assertThat(rejects.get(1)).isEqualTo("5,malformed_row,\"\"\"ЮА85030411,broken\"");
        assertThat(rejects.get(7)).contains(duplicate).contains("\"\"5-р байр, 12 тоот\"\"");
    }

    /** A row with an ID card number and places of its own (empty places are left out). */
    private static String row(String rn, String civilId, LocalDate birth, String sex, String spouse, String married,
                              String birthPlace, String division) {
        return String.join(",", rn, civilId, "", "Дорж", "Сараа", sex, birth.toString(), birthPlace, "MNG", division,
                "", "", spouse == null ? "" : spouse, married == null ? "" : married);
    }

    /** A 12-digit ID card number no other test uses (they are random; the registry's own start at 5…). */
    private static String civilId() {
        return "9" + String.format("%011d", java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    @Test
    void theChecksAgainstTheWholeFileAndTheRegistryGiveEachItsReason() throws IOException {
        LocalDate adult = LocalDate.of(1982, 9, 10);
        LocalDate wedding = LocalDate.of(2008, 6, 1);
        String a = rn(adult, true);
        String b = rn(adult, false);
        String shared = civilId();
        String takenCivilId = civilId();
        registry.register(new NewPerson(mn.zasag.shared.RegisterNumber.parse(rn(adult, true)), takenCivilId, null, "Дорж",
                "Бат", mn.zasag.shared.RegisterNumber.Sex.MALE, adult, "6501", "MNG", "1110", null, null, "Туршилт"),
                RegistryFixtures.actor("registrar", CivilRegistry.OWNER_AGENCY));
        String h = rn(adult, true);
        String i = rn(adult, false);
        String j = rn(adult, true);
        String k = rn(adult, false);
        registry.register(RegistryFixtures.person(k, "Дорж", "Өмнө"), RegistryFixtures.actor("registrar", CivilRegistry.OWNER_AGENCY));
        String l = rn(adult, true);
        String m = rn(adult, false);
        String q = rn(adult, true);
        String r = rn(adult, false);
        String nobody = rn(adult, false);
        List<String> lines = List.of(
                HEADER,
                row(a, civilId(), adult, "MALE", b, wedding.toString(), "6501", "110101"),     // 2 imported
                row(b, civilId(), adult, "FEMALE", a, wedding.toString(), "", ""),             // 3 imported, no places
                row(rn(adult, true), shared, adult, "MALE", null, null, "6501", "110101"),     // 4 imported
                row(rn(adult, true), shared, adult, "MALE", null, null, "6501", "110101"),     // 5 ID card repeated
                row(rn(adult, true), takenCivilId, adult, "MALE", null, null, "6501", ""),     // 6 ID card taken
                row(h, "", adult, "MALE", i, wedding.toString(), "", ""),                      // 7 i gives another date
                row(i, "", adult, "FEMALE", h, "2009-06-01", "", ""),                          // 8 h gives another date
                row(j, "", adult, "MALE", k, wedding.toString(), "", ""),                      // 9 k is rejected
                row(k, "", adult, "FEMALE", j, wedding.toString(), "", ""),                    // 10 already registered
                row(l, "", adult, "MALE", m, wedding.toString(), "", ""),                      // 11 imported
                row(m, "", adult, "FEMALE", l, wedding.toString(), "", ""),                    // 12 imported
                row(m, "", adult, "FEMALE", l, wedding.toString(), "", ""),                    // 13 duplicate in file
                row(q, "", adult, "MALE", r, wedding.toString(), "", ""),                      // 14 r names another
                row(r, "", adult, "FEMALE", nobody, wedding.toString(), "", ""));              // 15 not in the file
        Path csv = file(String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        ImportProgress done = importer.run(csv, "Туршилт №6", "tester");

        assertThat(done.imported()).isEqualTo(5);
        assertThat(done.rejected()).isEqualTo(9);
        List<String> rejects = Files.readAllLines(PersonImporter.rejectsFileFor(csv), StandardCharsets.UTF_8);
        assertThat(rejects.subList(1, rejects.size())).extracting(t -> t.substring(0, t.indexOf(',', t.indexOf(',') + 1)))
                .containsExactly("5,civil_id_duplicate_in_file", "6,civil_id_taken", "7,spouse_mismatch",
                        "8,spouse_mismatch", "9,spouse_rejected", "10,already_registered", "13,duplicate_in_file",
                        "14,spouse_mismatch", "15,spouse_not_in_file");
        assertThat(registry.own(a).orElseThrow().spouse()).isEqualTo(b);
        assertThat(registry.own(m).orElseThrow().spouse()).isEqualTo(l);
        // the birth's details: the names, the places given and the import; an absent place is left out
        String details = "select details::text from registry.civil_event where register_number = :rn and type = 'BIRTH'";
        assertThat(jdbc.sql(details).param("rn", a).query(String.class).single()).isEqualTo(
                "{\"import\": \"" + done.id() + "\", \"given_name\": \"Сараа\", \"birth_place\": \"6501\", "
                        + "\"family_name\": \"Дорж\", \"address_division\": \"110101\"}");
        assertThat(jdbc.sql(details).param("rn", b).query(String.class).single()).isEqualTo(
                "{\"import\": \"" + done.id() + "\", \"given_name\": \"Сараа\", \"family_name\": \"Дорж\"}");
        assertThat(jdbc.sql("select details::text from registry.civil_event where register_number = :rn and type = 'MARRIAGE'")
                .param("rn", a).query(String.class).single()).isEqualTo("{\"import\": \"" + done.id() + "\"}");
    }

    @Test
    void aFileInAnotherEncodingWritesNothingAndNamesTheLine() throws IOException {
        String rn = rn(LocalDate.of(1990, 1, 1), true);
        Path csv = file(HEADER + "\n" + row(rn, LocalDate.of(1990, 1, 1), "MALE", null, null) + "\n",
                Charset.forName("windows-1251"));
        long before = persons();

        assertThatThrownBy(() -> importer.run(csv, "Туршилт №3", "tester"))
                .isInstanceOfSatisfying(ImportFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("import_not_utf8");
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThat(persons()).isEqualTo(before);
        assertThat(registry.own(rn)).isEmpty();
        assertThat(Files.exists(PersonImporter.rejectsFileFor(csv))).isFalse();
        assertThat(importer.recent().get(0).phase()).isEqualTo(ImportProgress.Phase.FAILED);
        assertThat(importer.recent().get(0).errorCode()).isEqualTo("import_not_utf8");
    }

    @Test
    void aLineInAnotherEncodingAfterRowsAlreadyWrittenStillLeavesNothing() throws IOException {
        LocalDate birth = LocalDate.of(1991, 2, 3);
        String first = rn(birth, true);
        String second = rn(birth, false);
        String late = rn(birth, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + row(first, birth, "MALE", null, null) + "\n"
                + row(second, birth, "FEMALE", null, null) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((row(late, birth, "MALE", null, null) + "\n").getBytes(Charset.forName("windows-1251")));
        Path csv = Files.createTempFile("persons", ".csv");
        Files.write(csv, bytes.toByteArray());
        long before = persons();

        assertThatThrownBy(() -> importer.run(csv, "Туршилт №7", "tester"))
                .isInstanceOfSatisfying(ImportFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("import_not_utf8");
                    assertThat(e.line()).isEqualTo(4);
                });
        // the first two rows had already gone to the database when line 4 was read: rolled back with the rest
        assertThat(persons()).isEqualTo(before);
        assertThat(registry.own(first)).isEmpty();
        assertThat(jdbc.sql("select count(*) from registry.civil_event where register_number in (:a, :b)")
                .param("a", first).param("b", second).query(Long.class).single()).isZero();
    }

    @Test
    void anAccountThatIsNotASuperuserImportsTooWithTheKeysChecked() throws IOException {
        // an external database's account usually owns the tables but cannot skip the foreign keys' triggers:
        // then a married person is written before the file shows their partner, and the spouse key waits for commit
        jdbc.sql("""
                do $$ begin
                    if not exists (select 1 from pg_roles where rolname = 'zasag_import_test') then
                        create role zasag_import_test login;
                    end if;
                end $$""").update();
        jdbc.sql("grant usage on schema registry to zasag_import_test").update();
        jdbc.sql("grant select, insert, delete on registry.person, registry.civil_event to zasag_import_test").update();
        jdbc.sql("grant select on registry.division to zasag_import_test").update();
        jdbc.sql("grant select, insert, update on registry.import_run to zasag_import_test").update();
        jdbc.sql("grant usage on sequence registry.civil_event_id_seq to zasag_import_test").update();
        String url = "jdbc:postgresql://localhost:" + jdbc.sql("select inet_server_port()").query(Integer.class).single()
                + "/" + jdbc.sql("select current_database()").query(String.class).single();
        var dataSource = new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(), url,
                "zasag_import_test", "");
        var transactions = new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource);
        PersonImporter asOwner = new PersonImporter(dataSource, new org.springframework.jdbc.core.JdbcTemplate(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(transactions), audit,
                java.time.Clock.systemUTC(), new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(RegistryBulkLoad.class), transactions);
        LocalDate adult = LocalDate.of(1984, 8, 9);
        String husband = rn(adult, true);
        String wife = rn(adult, false);
        String lonely = rn(adult, true);
        Path csv = file(String.join("\n", HEADER,
                row(husband, adult, "MALE", wife, "2009-09-09"),                 // 2 names a partner written later
                row(lonely, adult, "MALE", rn(adult, false), "2009-09-09"),      // 3 partner not in the file
                row(wife, adult, "FEMALE", husband, "2009-09-09")) + "\n", StandardCharsets.UTF_8);
        long before = persons();

        ImportProgress done;
        try {
            done = asOwner.run(csv, "Туршилт №9", "tester");
        } finally {
            asOwner.stop();
        }

        assertThat(done.imported()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(persons()).isEqualTo(before + 2);
        assertThat(registry.own(husband).orElseThrow().spouse()).isEqualTo(wife);
        assertThat(registry.own(lonely)).isEmpty();
        assertThat(Files.readAllLines(PersonImporter.rejectsFileFor(csv), StandardCharsets.UTF_8).get(1))
                .startsWith("3,spouse_not_in_file,");
    }

    /** The indexes and constraints of the persons and their events, by name, with their definitions and whether checked. */
    private List<String> keysAndIndexes() {
        return jdbc.sql("""
                select 'index ' || indexname || ': ' || indexdef from pg_indexes where schemaname = 'registry'
                    and tablename in ('person', 'civil_event')
                union all
                select 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) || ' validated ' || convalidated
                from pg_constraint where conrelid in ('registry.person'::regclass, 'registry.civil_event'::regclass)
                order by 1""").query(String.class).list();
    }

    @Test
    void theNationalLoadDropsTheKeysAndIndexesAndBuildsThemAgainAsTheyWere() throws IOException {
        // the national load's path is taken for a file at least as large as the registry (estimated from its size)
        int rows = (int) persons() + 1_500;
        Path csv = Files.createTempFile("national", ".csv");
        PopulationGenerator generator = new PopulationGenerator(515151L, PopulationGenerator.DEFAULT_AS_OF);
        generator.generate(rows, List.of(new PersonsCsv(Files.newOutputStream(csv))));
        // and a married person whose partner is not in the file: written in the first pass, removed after it
        LocalDate adult = LocalDate.of(1980, 4, 5);
        String lonely = rn(adult, true);
        Files.writeString(csv, row(lonely, adult, "MALE", rn(adult, false), "2005-06-07") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> before = keysAndIndexes();
        String personKeyOid = jdbc.sql("select 'registry.person_pkey'::regclass::oid::text").query(String.class).single();
        long married = 0;
        for (Iterator<SyntheticPerson> it = generator.people(rows); it.hasNext(); ) {
            married += it.next().spouse() != null ? 1 : 0;
        }
        long personsBefore = persons();
        importer.deferIndexesFrom(0);
        ImportProgress done;
        try {
            done = importer.run(csv, "Туршилт №8", "tester");
        } finally {
            importer.deferIndexesFrom(100_000);
        }

        assertThat(done.phase()).isEqualTo(ImportProgress.Phase.DONE);
        assertThat(done.imported()).isEqualTo(rows);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(persons()).isEqualTo(personsBefore + rows);
        assertThat(registry.own(lonely)).isEmpty();
        assertThat(Files.readAllLines(PersonImporter.rejectsFileFor(csv), StandardCharsets.UTF_8).get(1))
                .startsWith((rows + 2) + ",spouse_not_in_file,");
        assertThat(jdbc.sql("select count(*) from registry.civil_event where details ->> 'import' = :id")
                .param("id", done.id()).query(Long.class).single()).isEqualTo(rows + married);
        // everything is back under the same names and definitions, checked, and was indeed built again
        assertThat(keysAndIndexes()).isEqualTo(before);
        assertThat(jdbc.sql("select 'registry.person_pkey'::regclass::oid::text").query(String.class).single())
                .isNotEqualTo(personKeyOid);
    }

    @Test
    void aWrongHeaderOrAMissingLegalBasisWritesNothing() throws IOException {
        String rn = rn(LocalDate.of(1991, 1, 1), true);
        Path csv = file("rn,name\n" + row(rn, LocalDate.of(1991, 1, 1), "MALE", null, null) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.run(csv, "Туршилт №4", "tester"))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.code()).isEqualTo("import_header_invalid"));
        Path empty = file("", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.run(empty, "Туршилт №4", "tester"))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.code()).isEqualTo("import_header_invalid"));
        assertThatThrownBy(() -> importer.run(csv, " ", "tester"))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.code()).isEqualTo("import_legal_basis_missing"));
        assertThat(registry.own(rn)).isEmpty();
    }

    @Test
    void thePlatformAdminUploadsFollowsTheProgressAndReadsTheRejects() throws Exception {
        RegistryFixtures.ensureRegistrationAuthority(agencies);
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null));
        Cookie officer = WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, CivilRegistry.OWNER_AGENCY));
        LocalDate born = LocalDate.of(1979, 8, 9);
        String ok = rn(born, false);
        String csv = HEADER + "\n" + row(ok, born, "FEMALE", null, null) + "\n" + row("ЮЮ79080900", born, "MALE", null, null) + "\n";

        mvc.perform(get("/admin/registry/imports").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
        mvc.perform(get("/admin/registry/imports").cookie(officer)).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/registry/imports").file(new MockMultipartFile("file", "p.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("legalBasis", "Туршилт №5").cookie(officer).with(csrf()))
                .andExpect(status().isForbidden());

        MvcResult started = mvc.perform(multipart("/admin/registry/imports").file(new MockMultipartFile("file", "p.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("legalBasis", "Туршилт №5")
                        .cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = started.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/admin/registry/imports/");
        ImportProgress progress = importer.find(page.substring(page.lastIndexOf('/') + 1)).orElseThrow();
        for (int i = 0; i < 600 && !progress.finished(); i++) {
            Thread.sleep(100);
        }
        assertThat(progress.phase()).isEqualTo(ImportProgress.Phase.DONE);

        mvc.perform(get(page + "/progress").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("DONE")).andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(1)).andExpect(jsonPath("$.rowsRead").value(2));
        mvc.perform(get(page + "/progress").cookie(officer)).andExpect(status().isForbidden());
        mvc.perform(get(page).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/js/import-progress.js")))
                .andExpect(content().string(containsString("ЮЮ79080900")));
        mvc.perform(get(page + "/rejects").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("3,sex_mismatch")));
        mvc.perform(get(page + "/rejects").cookie(officer)).andExpect(status().isForbidden());
        assertThat(registry.own(ok)).isPresent();
    }
}
