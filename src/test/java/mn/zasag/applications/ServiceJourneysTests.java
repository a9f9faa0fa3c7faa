package mn.zasag.applications;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.HoldingsFixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.Directory;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.Role;
import mn.zasag.legalentity.Founder;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.NewEntity;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.shared.Actor;
import mn.zasag.shared.Party;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
import mn.zasag.socialinsurance.InsuranceCoverage;
import mn.zasag.socialinsurance.SocialInsurance;
import mn.zasag.vehicles.InspectionBookings;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleEvent;
import mn.zasag.vehicles.VehicleRegistry;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journey per online service of civil registration, vehicles, driving licences, social insurance and welfare,
 * over HTTP as a browser does it: the citizen applies with the form's example answers (and what their own case
 * needs), the officer of the owning agency approves with the decision's answers (or the service decides at once),
 * and the owning registry holds the change.
 */
@ZasagTest
class ServiceJourneysTests {

    private static final String SECOND = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000) + 50_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    Journeys journeys;
    @Autowired
    Accounts accounts;
    @Autowired
    Agencies agencies;
    @Autowired
    CivilRegistry registry;
    @Autowired
    VehicleRegistry vehicles;
    @Autowired
    VehicleChanges vehicleChanges;
    @Autowired
    InspectionBookings inspections;
    @Autowired
    DrivingLicences licences;
    @Autowired
    SocialInsurance insurance;
    @Autowired
    InsuranceCoverage coverage;
    @Autowired
    WelfareBenefits welfare;
    @Autowired
    LegalEntities entities;
    @Autowired
    JdbcClient jdbc;

    /** Approved, and its document issued once the documents module issues it. */
    private static final List<String> DECIDED = List.of("approved", "document_issued");

    private final LocalDate today = LocalDate.now();

    @Autowired
    Directory directory;
    @Autowired
    ApplicationStore store;

    private Application application(String reference) {
        return store.find(reference).orElseThrow();
    }

    @BeforeEach
    void thePortalMayAskTheRegistries() {
        portal(agencies, directory);
    }

    /**
     * The portal's client subsystem and its grants on the registries these forms pre-fill from, as the demo directory
     * has them (tests run without demo data). Idempotent: the first test sets it up.
     */
    static synchronized void portal(Agencies agencies, Directory directory) {
        String[][] members = {{"CITA", "9011001"}, {"GASR", "9011002"}, {"GASI", "9011003"}, {"POLICE", "9011005"},
                {"MRT", "9011006"}};
        for (String[] m : members) {
            HoldingsFixtures.agency(agencies, m[0]);
            if (directory.memberOfAgency(m[0]).isEmpty()) {
                directory.registerMember("GOV", m[1], "Газар " + m[0], m[0]);
            }
        }
        String cita = directory.memberOfAgency("CITA").orElseThrow().id();
        String portal = cita + "/portal";
        if (directory.subsystem(portal).isEmpty()) {
            directory.addSubsystem(cita, "portal", "Портал", null);
        }
        String[][] providers = {{"GASR", "civil-registry.person"}, {"GASR", "civil-registry.address"},
                {"GASI", "social-insurance.contributions"}, {"MRT", "vehicles.by-owner"},
                {"POLICE", "driving-licences.by-holder"}};
        for (String[] p : providers) {
            boolean granted = directory.services(null).stream().filter(s -> p[1].equals(s.provider()))
                    .anyMatch(s -> directory.rights(s.id()).stream().anyMatch(r -> portal.equals(r.clientId())));
            if (granted) {
                continue;
            }
            String member = directory.memberOfAgency(p[0]).orElseThrow().id();
            String subsystem = member + "/services-journeys";
            if (directory.subsystem(subsystem).isEmpty()) {
                directory.addSubsystem(member, "services-journeys", "services-journeys", null);
            }
            String code = p[1].substring(p[1].indexOf('.') + 1) + "-journeys";
            directory.grant(directory.publish(subsystem, p[1], code, null).id(), null, portal, null);
        }
    }

    // ---------------------------------------------------------------- people and officers

    /** A person in the civil registry (Ы… register numbers, born on the day), not a citizen account. */
    private String person(LocalDate birth, Sex sex) {
        while (true) {
            int n = SEQUENCE.incrementAndGet();
            int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
            int sexDigit = ((n / 35) % 5) * 2 + (sex == Sex.MALE ? 1 : 0);
            String rn = "Ы" + SECOND.charAt(n % SECOND.length()) + String.format("%02d%02d%02d%d%d", birth.getYear() % 100,
                    month, birth.getDayOfMonth(), sexDigit, (n / 175) % 10);
            if (registry.exists(rn)) {
                continue;
            }
            registry.register(new NewPerson(RegisterNumber.parse(rn), null, null, "Журам", "Иргэн", sex, birth, "6501", "MNG",
                    "1122", "3-р хороо, 12-р байр, 4 тоот", null, "Төрсний гэрчилгээ №J-" + n), actor("GASR"));
            return rn;
        }
    }

    /** A citizen with an account and a civil record, logged in. */
    private record Citizen(String rn, Cookie session) {
    }

    private Citizen citizen(LocalDate birth, Sex sex) throws Exception {
        String rn = person(birth, sex);
        accounts.registerCitizen(new NewCitizen(RegisterNumber.parse(rn), "Журам", "Иргэн", "+97699001122", null, Fixtures.PASSWORD));
        return new Citizen(rn, WebSessions.login(mvc, rn));
    }

    private Citizen citizen() throws Exception {
        return citizen(LocalDate.of(1985, 1, 1).plusDays(SEQUENCE.get() % 4000), Sex.MALE);
    }

    private Cookie officer(String agency) throws Exception {
        HoldingsFixtures.agency(agencies, agency);
        return WebSessions.login(mvc, Fixtures.staff(accounts, Role.OFFICER, agency));
    }

    private static Actor actor(String agency) {
        return HoldingsFixtures.actor("journey-" + agency.toLowerCase(), agency);
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private String decided(Citizen c, String form, Map<String, String> answers, String agency, Map<String, String> decision)
            throws Exception {
        HoldingsFixtures.agency(agencies, agency);
        String reference = journeys.apply(mvc, c.session(), form, answers);
        assertThat(journeys.state(reference)).isEqualTo("submitted");
        journeys.approve(mvc, officer(agency), reference, decision);
        assertThat(journeys.state(reference)).isIn(DECIDED);
        return reference;
    }

    private String automatic(Citizen c, String form, Map<String, String> answers, String agency) throws Exception {
        HoldingsFixtures.agency(agencies, agency);
        String reference = journeys.apply(mvc, c.session(), form, answers);
        assertThat(journeys.state(reference)).isIn(DECIDED);
        return reference;
    }

    private String plateOf(String owner) {
        String plate = HoldingsFixtures.plate();
        vehicles.register(new NewVehicle(plate, HoldingsFixtures.vin(), "Toyota", "Prius", 2017, "Цагаан", owner,
                LocalDate.of(2021, 5, 5), "Туршилт"), actor("MRT"));
        return plate;
    }

    // ---------------------------------------------------------------- civil registration

    @Test
    void birthReference() throws Exception {
        Citizen c = citizen(LocalDate.of(1987, 8, 9), Sex.FEMALE);
        Application a = application(automatic(c, "civil-birth-reference", Map.of(), "GASR"));
        assertThat(a.prefilled()).containsEntry("fullName", "Журам Иргэн");
        assertThat(a.decision()).containsEntry("fact:fact.birthDate", "1987-08-09").containsEntry("fact:fact.registerNumber", c.rn());
    }

    @Test
    void idCardReference() throws Exception {
        automatic(citizen(), "civil-id-card-reference", Map.of(), "GASR");
    }

    @Test
    void addressReference() throws Exception {
        automatic(citizen(), "civil-address-reference", Map.of(), "GASR");
    }

    @Test
    void maritalStatusReference() throws Exception {
        Application a = application(automatic(citizen(), "civil-marital-reference", Map.of(), "GASR"));
        assertThat(a.decision()).containsEntry("fact:fact.maritalStatus", "Гэрлээгүй / Never married");
    }

    @Test
    void idCardReplacementIssuesANewCardNumber() throws Exception {
        Citizen c = citizen();
        String reference = decided(c, "civil-id-card-replacement", answers("photo", "photo.png"), "GASR", Map.of());
        assertThat(registry.own(c.rn()).orElseThrow().civilId()).hasSize(12);
        assertThat(registry.history(c.rn())).filteredOn(e -> e.type() == CivilEventType.ID_CARD_ISSUE)
                .singleElement().satisfies(e -> assertThat(e.legalBasis()).contains(reference));
    }

    @Test
    void changeOfAddressMovesThePerson() throws Exception {
        Citizen c = citizen();
        decided(c, "civil-address-change", answers("division", "1101", "proof", "proof.pdf"), "GASR", Map.of());
        assertThat(registry.own(c.rn()).orElseThrow().addressDivision()).isEqualTo("1101");
        assertThat(registry.history(c.rn())).extracting(e -> e.type()).contains(CivilEventType.ADDRESS_CHANGE);
    }

    // ---------------------------------------------------------------- vehicles

    @Test
    void ownershipTransferToTheBuyer() throws Exception {
        Citizen seller = citizen();
        String buyer = person(LocalDate.of(1990, 10, 10), Sex.FEMALE);
        String plate = plateOf(seller.rn());
        decided(seller, "vehicle-transfer", answers("plate", plate, "buyerRegisterNumber", buyer, "contract", "contract.pdf"),
                "MRT", Map.of());
        assertThat(vehicles.ownedNow(new Party(Party.Kind.PERSON, buyer))).extracting(v -> v.plate()).containsExactly(plate);
        assertThat(vehicles.history(plate)).extracting(VehicleEvent::type).endsWith(VehicleEvent.Type.TRANSFER);
    }

    @Test
    void registrationOfAnImportedVehicle() throws Exception {
        Citizen c = citizen();
        String vin = HoldingsFixtures.vin();
        decided(c, "vehicle-registration", answers("vin", vin, "clearance", "clearance.pdf"), "MRT", Map.of());
        assertThat(vehicleChanges.onRegister(c.rn())).singleElement().satisfies(v -> assertThat(v.vin()).isEqualTo(vin));
    }

    @Test
    void deregistrationOfAScrappedVehicle() throws Exception {
        Citizen c = citizen();
        String plate = plateOf(c.rn());
        decided(c, "vehicle-deregistration", answers("plate", plate, "proof", "proof.pdf"), "MRT", Map.of());
        assertThat(vehicleChanges.deregisteredOn(plate)).isPresent();
    }

    @Test
    void replacementPlatesWaitForTheFee() throws Exception {
        Citizen c = citizen();
        String plate = plateOf(c.rn());
        HoldingsFixtures.agency(agencies, "MRT");
        String reference = journeys.apply(mvc, c.session(), "vehicle-plate-replacement", answers("plate", plate));
        assertThat(journeys.state(reference)).isEqualTo("awaiting_payment");
    }

    @Test
    void inspectionBookingIsDecidedAtOnce() throws Exception {
        Citizen c = citizen();
        String plate = plateOf(c.rn());
        automatic(c, "vehicle-inspection-booking", answers("plate", plate), "MRT");
        assertThat(inspections.ofVehicle(plate)).hasSize(1);
    }

    @Test
    void vehicleOwnershipReference() throws Exception {
        Citizen c = citizen();
        String plate = plateOf(c.rn());
        Application a = application(automatic(c, "vehicle-reference", answers("plate", plate), "MRT"));
        assertThat(a.decision()).containsEntry("fact:fact.plate", plate).containsEntry("fact:fact.ownerSince", "2021-05-05");
    }

    @Test
    void aVehicleOfSomeoneElseIsNotAmongTheChoices() throws Exception {
        Citizen c = citizen();
        plateOf(c.rn());
        String other = plateOf(person(LocalDate.of(1980, 3, 3), Sex.MALE));
        HoldingsFixtures.agency(agencies, "MRT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> journeys.apply(mvc, c.session(), "vehicle-reference",
                answers("plate", other))).isInstanceOf(AssertionError.class).hasMessageContaining("which-vehicle");
    }

    // ---------------------------------------------------------------- driving licences

    private void licence(String rn, LocalDate issued, String... categories) {
        licences.issue(rn, List.of(categories), issued, "Туршилт", actor("POLICE"));
    }

    @Test
    void licenceRenewal() throws Exception {
        Citizen c = citizen();
        licence(c.rn(), today.minusYears(10).plusMonths(1), "B");
        String old = licences.current(c.rn()).orElseThrow().number();
        String reference = decided(c, "dl-renewal", answers("medical", "medical.pdf", "photo", "photo.jpg"), "POLICE", Map.of());
        assertThat(application(reference).prefilled()).containsEntry("licenceNumber", old);
        Licence card = licences.current(c.rn()).orElseThrow();
        assertThat(card.number()).isNotEqualTo(old);
        assertThat(card.validUntil()).isEqualTo(today.plusYears(10));
    }

    @Test
    void licenceReplacement() throws Exception {
        Citizen c = citizen();
        licence(c.rn(), today.minusYears(3), "B");
        String old = licences.current(c.rn()).orElseThrow().number();
        decided(c, "dl-replacement", answers("photo", "photo.jpg"), "POLICE", Map.of());
        assertThat(licences.current(c.rn()).orElseThrow().number()).isNotEqualTo(old);
    }

    @Test
    void licenceCategoryAfterAPassedTest() throws Exception {
        Citizen c = citizen();
        licence(c.rn(), today.minusYears(3), "B");
        decided(c, "dl-category", answers("trainingCertificate", "school.pdf", "medical", "medical.pdf"), "POLICE",
                Map.of("testPassed", "yes"));
        assertThat(licences.current(c.rn()).orElseThrow().categories()).containsExactly("B", "D");
    }

    @Test
    void internationalPermitWaitsForTheFee() throws Exception {
        Citizen c = citizen();
        licence(c.rn(), today.minusYears(3), "B");
        HoldingsFixtures.agency(agencies, "POLICE");
        String reference = journeys.apply(mvc, c.session(), "dl-international", answers("photo", "photo.jpg"));
        assertThat(journeys.state(reference)).isEqualTo("awaiting_payment");
    }

    @Test
    void drivingTestBookingIsDecidedAtOnce() throws Exception {
        Citizen c = citizen();
        automatic(c, "dl-exam-booking", Map.of(), "POLICE");
        assertThat(licences.bookings(c.rn())).hasSize(1);
    }

    @Test
    void driverRecordReference() throws Exception {
        Citizen c = citizen();
        licence(c.rn(), today.minusYears(2), "B");
        automatic(c, "dl-record", Map.of(), "POLICE");
    }

    // ---------------------------------------------------------------- social insurance

    private String employerOf(String director) {
        String number;
        do {
            number = "6" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        } while (entities.exists(number));
        entities.register(new NewEntity(number, "Журам " + number + " ХХК", null, "ХХК", "1110", "1-р хороо",
                LocalDate.of(2015, 3, 2), List.of(Founder.person(director, BigDecimal.ONE)), List.of(director), "Туршилт"),
                actor("GASR"));
        return number;
    }

    private void contributions(String rn, int months) {
        String employer = employerOf(person(LocalDate.of(1970, 2, 2), Sex.MALE));
        for (int m = months; m >= 1; m--) {
            insurance.contribute(rn, employer, YearMonth.now().minusMonths(m), new BigDecimal("2000000"),
                    new BigDecimal("480000"), "Туршилт", actor("GASI"));
        }
    }

    @Test
    void voluntaryInsuranceContract() throws Exception {
        Citizen c = citizen();
        decided(c, "si-voluntary-insurance", Map.of(), "GASI", Map.of());
        assertThat(coverage.voluntaryContract(c.rn())).isPresent();
    }

    @Test
    void healthInsuranceRegistration() throws Exception {
        Citizen c = citizen();
        decided(c, "si-health-insurance", Map.of(), "GASI", Map.of());
        assertThat(coverage.healthInsurance(c.rn())).isPresent();
    }

    @Test
    void maternityGrantAfterAYearOfContributions() throws Exception {
        Citizen c = citizen(LocalDate.of(1994, 4, 4), Sex.FEMALE);
        contributions(c.rn(), 13);
        decided(c, "si-maternity-grant", answers("certificate", "certificate.pdf"), "GASI", Map.of());
        assertThat(coverage.benefits(c.rn())).hasSize(1);
    }

    @Test
    void benefitReviewIsAnsweredWithTheReviewedCalculation() throws Exception {
        Citizen c = citizen();
        decided(c, "si-benefit-review", Map.of(), "GASI", Map.of());
    }

    @Test
    void contributionsStatementIsDecidedAtOnce() throws Exception {
        Citizen c = citizen();
        contributions(c.rn(), 2);
        automatic(c, "si-payments-statement", Map.of(), "GASI");
    }

    @Test
    void employersMonthlyReportRecordsTheContributions() throws Exception {
        Citizen director = citizen();
        String entity = employerOf(director.rn());
        String worker = person(LocalDate.of(1991, 1, 11), Sex.MALE);
        decided(director, "si-employer-report", answers("entity", entity, "lines", worker + "; 2400000; 576000",
                "report", "report.pdf"), "GASI", Map.of());
        assertThat(insurance.read(worker, "Туршилт").contributions()).singleElement()
                .satisfies(x -> assertThat(x.employer()).isEqualTo(entity));
    }

    // ---------------------------------------------------------------- social welfare

    private void granted(String rn, WelfareBenefit.Kind kind) {
        assertThat(welfare.ofPerson(rn)).extracting(WelfareBenefit::kind).containsExactly(kind);
    }

    @Test
    void oldAgeWelfarePension() throws Exception {
        Citizen c = citizen(today.minusYears(61), Sex.MALE);
        decided(c, "sw-retirement-pension", Map.of(), "GASWS", Map.of());
        granted(c.rn(), WelfareBenefit.Kind.RETIREMENT_PENSION);
    }

    @Test
    void disabilityWelfarePension() throws Exception {
        Citizen c = citizen();
        decided(c, "sw-disability-pension", answers("decisionFile", "decision.pdf"), "GASWS", Map.of());
        granted(c.rn(), WelfareBenefit.Kind.DISABILITY_PENSION);
    }

    @Test
    void survivorWelfarePension() throws Exception {
        Citizen c = citizen(LocalDate.of(1975, 5, 5), Sex.FEMALE);
        String husband = person(LocalDate.of(1972, 2, 2), Sex.MALE);
        registry.record(husband, NewCivilEvent.death(today.minusMonths(2), "Нас барсны гэрчилгээ"), actor("GASR"));
        decided(c, "sw-survivor-pension", answers("deceasedRegisterNumber", husband, "deathCertificate", "death.pdf"), "GASWS",
                Map.of());
        granted(c.rn(), WelfareBenefit.Kind.SURVIVOR_PENSION);
    }

    @Test
    void maternityWelfareBenefit() throws Exception {
        Citizen c = citizen(LocalDate.of(1996, 6, 6), Sex.FEMALE);
        decided(c, "sw-maternity-benefit", answers("certificate", "certificate.pdf"), "GASWS", Map.of());
        granted(c.rn(), WelfareBenefit.Kind.MATERNITY_CHILD_BENEFIT);
    }

    @Test
    void prosthesisRefund() throws Exception {
        Citizen c = citizen();
        decided(c, "sw-prosthesis-refund", answers("receipt", "receipt.pdf", "disabilityCertificate", "card.pdf"), "GASWS",
                Map.of());
        granted(c.rn(), WelfareBenefit.Kind.PROSTHESIS_REFUND);
    }
}
