package mn.zasag.vehicles;

import mn.zasag.HoldingsFixtures;
import mn.zasag.HoldingsFixtures.Citizen;
import mn.zasag.HoldingsFixtures.Staff;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class VehicleRegistryTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    CivilRegistry persons;
    @Autowired
    LegalEntities entities;
    @Autowired
    JdbcClient jdbc;

    Staff mrt;
    String owner;

    @BeforeEach
    void anOfficerOfTheTransportAuthorityAndAnOwner() {
        mrt = HoldingsFixtures.officer(agencies, accounts, tokens, VehicleRegistry.OWNER_AGENCY);
        owner = HoldingsFixtures.person(persons);
    }

    private static String vehicle(String plate, String vin, Object year, String owner) {
        return """
                {"plate":"%s","vin":"%s","make":"Toyota","model":"Prius","year":%s,"colour":"Цагаан","owner":"%s",
                 "registeredOn":"2020-03-01","legalBasis":"Өргөдөл №7"}""".formatted(plate, vin, year, owner);
    }

    private ResultActions post(String token, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions read(String plate) throws Exception {
        return mvc.perform(get("/api/v1/registry/vehicles/{plate}", plate).header("Authorization", "Bearer " + mrt.token())
                .header("X-Legal-Basis", "Шалгалт №3"));
    }

    private long count(String table, String plate) {
        return jdbc.sql("select count(*) from vehicles." + table + " where plate = :p").param("p", plate)
                .query(Long.class).single();
    }

    @Test
    void theTransportAuthorityRegistersTransfersAndInspectsAVehicle() throws Exception {
        String plate = HoldingsFixtures.plate();
        String vin = HoldingsFixtures.vin();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate.substring(0, 4) + " " + plate.substring(4).toLowerCase(), vin, 2015, owner))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.plate").value(plate))
                .andExpect(jsonPath("$.owner.kind").value("PERSON")).andExpect(jsonPath("$.inspection").value("OVERDUE"));

        String buyer = HoldingsFixtures.person(persons);
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/transfers",
                "{\"owner\":\"%s\",\"occurredOn\":\"2023-05-02\",\"legalBasis\":\"Худалдах гэрээ №4\"}".formatted(buyer))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("TRANSFER"))
                .andExpect(jsonPath("$.previousOwner.id").value(owner));
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/inspections",
                "{\"occurredOn\":\"%s\",\"passed\":true,\"legalBasis\":\"Үзлэг №9\"}".formatted(LocalDate.now().minusDays(10)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.validUntil").value(LocalDate.now().minusDays(10).plusYears(1).toString()));

        read(plate).andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.owner.id").value(buyer))
                .andExpect(jsonPath("$.vehicle.inspection").value("VALID"))
                .andExpect(jsonPath("$.events", hasSize(3)))
                .andExpect(jsonPath("$.events[0].type").value("REGISTRATION"))
                .andExpect(jsonPath("$.events[0].registrar").value(mrt.login()))
                .andExpect(jsonPath("$.events[1].type").value("TRANSFER"))
                .andExpect(jsonPath("$.events[2].passed").value(true));
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'vehicles.vehicle.read' and object_id = :p and details->>'legal_basis' = 'Шалгалт №3'")
                .param("p", plate).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInspectionWhoseValidityEndedIsOverdueAndAFailedOneToo() throws Exception {
        String plate = HoldingsFixtures.plate();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, HoldingsFixtures.vin(), 2012, owner)).andExpect(status().isCreated());
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/inspections",
                "{\"occurredOn\":\"2024-01-10\",\"passed\":true,\"legalBasis\":\"Үзлэг\"}").andExpect(status().isCreated());
        read(plate).andExpect(jsonPath("$.vehicle.inspection").value("OVERDUE"))
                .andExpect(jsonPath("$.vehicle.inspectionValidUntil").value("2025-01-10"));

        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/inspections",
                "{\"occurredOn\":\"%s\",\"passed\":false,\"legalBasis\":\"Үзлэг\"}".formatted(LocalDate.now())).andExpect(status().isCreated());
        read(plate).andExpect(jsonPath("$.vehicle.inspection").value("OVERDUE"));
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/inspections",
                "{\"occurredOn\":\"2024-06-01\",\"passed\":true,\"legalBasis\":\"Үзлэг\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("date_before_last_change"));
    }

    @Test
    void vehiclesAreFoundByPlateVinAndOwner() throws Exception {
        String plate = HoldingsFixtures.plate();
        String vin = HoldingsFixtures.vin();
        String entity = HoldingsFixtures.entity(entities, persons);
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2018, entity)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner.kind").value("ENTITY"));
        for (String q : new String[] {plate, vin.toLowerCase(), entity}) {
            mvc.perform(get("/api/v1/registry/vehicles").param("q", q).header("Authorization", "Bearer " + mrt.token())
                            .header("X-Legal-Basis", "Хайлт"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].plate").value(plate));
        }
        mvc.perform(get("/api/v1/registry/vehicles").param("q", plate).header("Authorization", "Bearer " + mrt.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("legal_basis_required"));
    }

    @Test
    void malformedIdentifiersAndImpossibleYearsAreRefusedAndNothingIsWritten() throws Exception {
        String plate = HoldingsFixtures.plate();
        String vin = HoldingsFixtures.vin();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle("1234ABC", vin, 2015, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plate_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle("1234ЯЯА", vin, 2015, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plate_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, "JTDKB20I093012345", 2015, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("vin_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, "1M8GDM9A1KP042788", 2015, owner))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("vin_check_digit"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, LocalDate.now().getYear() + 2, owner))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("year_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 1850, owner))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("year_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2015, "АБ12345678"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("register_number_invalid"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2015, "123456"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("entity_number_invalid"));
        String stranger = mn.zasag.Fixtures.freshRegisterNumber();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2015, stranger))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("owner_unknown"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2015, HoldingsFixtures.unregisteredEntity()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("owner_unknown"));
        assertThat(count("vehicle", plate)).isZero();
        assertThat(count("vehicle_event", plate)).isZero();
    }

    @Test
    void duplicatesAndSelfTransfersAndFutureDatesAreRefused() throws Exception {
        String plate = HoldingsFixtures.plate();
        String vin = HoldingsFixtures.vin();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, vin, 2015, owner)).andExpect(status().isCreated());
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, HoldingsFixtures.vin(), 2015, owner))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("plate_taken"));
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(HoldingsFixtures.plate(), vin, 2015, owner))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("vin_taken"));
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/transfers",
                "{\"owner\":\"%s\",\"legalBasis\":\"Гэрээ\"}".formatted(owner))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("same_owner"));
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/transfers",
                "{\"owner\":\"%s\",\"occurredOn\":\"%s\",\"legalBasis\":\"Гэрээ\"}".formatted(HoldingsFixtures.person(persons), LocalDate.now().plusDays(2)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("date_in_future"));
        post(mrt.token(), "/api/v1/registry/vehicles/" + plate + "/transfers",
                "{\"owner\":\"%s\",\"occurredOn\":\"2019-01-01\",\"legalBasis\":\"Гэрээ\"}".formatted(HoldingsFixtures.person(persons)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("date_before_last_change"));
        post(mrt.token(), "/api/v1/registry/vehicles/" + HoldingsFixtures.plate() + "/transfers",
                "{\"owner\":\"%s\",\"legalBasis\":\"Гэрээ\"}".formatted(owner))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("vehicle_not_found"));
        assertThat(count("vehicle_event", plate)).isEqualTo(1);
    }

    @Test
    void anOfficerOfAnotherAgencyCannotWriteAndTheRefusalIsAudited() throws Exception {
        Staff police = HoldingsFixtures.officer(agencies, accounts, tokens, "POLICE");
        String plate = HoldingsFixtures.plate();
        post(police.token(), "/api/v1/registry/vehicles", vehicle(plate, HoldingsFixtures.vin(), 2015, owner))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("vehicles_owner_only"));
        assertThat(count("vehicle", plate)).isZero();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'vehicles.write.denied' and object_id = :p")
                .param("p", plate).query(Long.class).single()).isEqualTo(1);
        // any officer may read, stating why
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, HoldingsFixtures.vin(), 2015, owner)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/vehicles/{p}", plate).header("Authorization", "Bearer " + police.token())
                .header("X-Legal-Basis", "Зөрчлийн хэрэг №5")).andExpect(status().isOk());
        post(police.token(), "/api/v1/registry/vehicles/" + plate + "/inspections", "{\"passed\":true,\"legalBasis\":\"x\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void aCitizenSeesTheVehiclesTheyOwnAndCannotReadOthers() throws Exception {
        Citizen citizen = HoldingsFixtures.citizen(persons, accounts, tokens);
        String plate = HoldingsFixtures.plate();
        post(mrt.token(), "/api/v1/registry/vehicles", vehicle(plate, HoldingsFixtures.vin(), 2016, citizen.registerNumber()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/me/vehicles").header("Authorization", "Bearer " + citizen.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].plate").value(plate));
        mvc.perform(get("/api/v1/registry/vehicles/{p}", plate).header("Authorization", "Bearer " + citizen.token())
                .header("X-Legal-Basis", "x")).andExpect(status().isForbidden());
        post(citizen.token(), "/api/v1/registry/vehicles", vehicle(HoldingsFixtures.plate(), HoldingsFixtures.vin(), 2016,
                citizen.registerNumber())).andExpect(status().isForbidden());
    }
}
