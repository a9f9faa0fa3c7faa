package mn.zasag.applications.internal.actions;

import mn.zasag.HoldingsFixtures;
import mn.zasag.ZasagTest;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.customs.CustomsDebts;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.Party;
import mn.zasag.vehicles.InspectionBookings;
import mn.zasag.vehicles.NewVehicle;
import mn.zasag.vehicles.PlateNumber;
import mn.zasag.vehicles.VehicleChanges;
import mn.zasag.vehicles.VehicleEvent;
import mn.zasag.vehicles.VehicleProblem;
import mn.zasag.vehicles.VehicleRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static mn.zasag.applications.internal.actions.ServiceFixtures.action;
import static mn.zasag.applications.internal.actions.ServiceFixtures.actor;
import static mn.zasag.applications.internal.actions.ServiceFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class VehicleActionsTests {

    @Autowired
    List<ApprovalAction> actions;
    @Autowired
    CivilRegistry registry;
    @Autowired
    VehicleRegistry vehicles;
    @Autowired
    VehicleChanges changes;
    @Autowired
    InspectionBookings bookings;
    @Autowired
    CustomsDebts customs;

    private String vehicleOf(String owner) {
        String plate = HoldingsFixtures.plate();
        vehicles.register(new NewVehicle(plate, HoldingsFixtures.vin(), "Toyota", "Prius", 2016, "Цагаан", owner,
                LocalDate.of(2020, 1, 10), "Туршилт"), actor("MRT"));
        return plate;
    }

    @Test
    void theSellerTransfersTheirVehicleToTheBuyerAndStaysInItsHistory() {
        String seller = ServiceFixtures.adult(registry);
        String buyer = ServiceFixtures.adult(registry);
        String plate = vehicleOf(seller);
        ApprovalAction transfer = action(actions, "vehicles.transfer-ownership");
        var app = application("MRT-VEH-001", "MRT", seller, "plate", plate, "buyerRegisterNumber", buyer, "price", "15000000");
        assertThat(transfer.obstacles(app)).isEmpty();

        Map<String, String> facts = transfer.apply(app, actor("MRT"));

        assertThat(vehicles.ownedNow(new Party(Party.Kind.PERSON, buyer))).extracting(v -> v.plate()).containsExactly(plate);
        VehicleEvent last = vehicles.history(plate).get(vehicles.history(plate).size() - 1);
        assertThat(last.type()).isEqualTo(VehicleEvent.Type.TRANSFER);
        assertThat(last.previousOwner().id()).isEqualTo(seller);
        assertThat(last.legalBasis()).contains(app.reference());
        assertThat(facts).containsEntry("fact.plate", plate).containsEntry("fact.previousOwner", seller);

        // the seller no longer owns it: a second application for the same vehicle is stopped and refused
        var again = application("MRT-VEH-001", "MRT", seller, "plate", plate, "buyerRegisterNumber", buyer);
        assertThat(transfer.obstacles(again)).contains("obstacle.applicant_not_owner");
        assertThatThrownBy(() -> transfer.apply(again, actor("MRT"))).isInstanceOf(ActionRefused.class)
                .hasMessageContaining("not_the_owner");
    }

    @Test
    void aDeadOrUnknownBuyerStandsInTheWay() {
        String seller = ServiceFixtures.adult(registry);
        String buyer = ServiceFixtures.adult(registry);
        String plate = vehicleOf(seller);
        ServiceFixtures.dies(registry, buyer, LocalDate.of(2026, 2, 1));
        ApprovalAction transfer = action(actions, "vehicles.transfer-ownership");

        assertThat(transfer.obstacles(application("MRT-VEH-001", "MRT", seller, "plate", plate, "buyerRegisterNumber", buyer)))
                .containsExactly("obstacle.buyer_deceased");
        assertThat(transfer.obstacles(application("MRT-VEH-001", "MRT", seller, "plate", plate, "buyerRegisterNumber", seller)))
                .containsExactly("obstacle.buyer_is_seller");
        assertThatThrownBy(() -> transfer.apply(application("MRT-VEH-001", "MRT", seller, "plate", plate,
                "buyerRegisterNumber", buyer), actor("MRT"))).isInstanceOf(ActionRefused.class);
        assertThat(vehicles.ownedNow(new Party(Party.Kind.PERSON, seller))).hasSize(1);
    }

    @Test
    void anImportedVehicleIsRegisteredUnderTheNextFreePlateOfTheOwnersRegion() {
        String owner = ServiceFixtures.person(registry, LocalDate.of(1980, 4, 4), mn.zasag.shared.RegisterNumber.Sex.MALE, "4501");
        String vin = HoldingsFixtures.vin();
        var app = application("MRT-VEH-002", "MRT", owner, "vin", vin, "make", "Hyundai", "model", "Porter", "year", "2020",
                "colour", "Хөх", "customsDeclaration", "10026/2026-0999");
        ApprovalAction registration = action(actions, "vehicles.register-imported");
        assertThat(registration.obstacles(app)).isEmpty();

        Map<String, String> facts = registration.apply(app, actor("MRT"));

        String plate = facts.get("fact.plate");
        assertThat(PlateNumber.parse(plate).division()).isEqualTo("45"); // Darkhan-Uul
        assertThat(vehicles.read(plate, "Туршилт").vin()).isEqualTo(vin);
        assertThat(registration.obstacles(app)).containsExactly("obstacle.vin_registered");
    }

    @Test
    void anOutstandingCustomsDebtStopsTheRegistrationOfAnImport() {
        String owner = ServiceFixtures.adult(registry);
        customs.assess(owner, "TEST/" + owner, new BigDecimal("500000"), LocalDate.of(2026, 5, 1), "Туршилт",
                actor(CustomsDebts.OWNER_AGENCY));
        String vin = HoldingsFixtures.vin();
        var app = application("MRT-VEH-002", "MRT", owner, "vin", vin, "make", "Kia", "model", "Sorento", "year", "2021",
                "colour", "Хар", "customsDeclaration", "10026/2026-0998");

        assertThat(action(actions, "vehicles.register-imported").obstacles(app)).containsExactly("obstacle.customs_debt_outstanding");
        assertThatThrownBy(() -> action(actions, "vehicles.register-imported").apply(app, actor("MRT")))
                .isInstanceOf(ActionRefused.class);
        assertThat(vehicles.search(vin, "Туршилт")).isEmpty();
    }

    @Test
    void aDeregisteredVehicleKeepsItsHistoryButCanNoLongerBeTransferred() {
        String owner = ServiceFixtures.adult(registry);
        String plate = vehicleOf(owner);
        var app = application("MRT-VEH-003", "MRT", owner, "plate", plate, "reason", "SCRAPPED", "since", "2026-11-01");

        Map<String, String> facts = action(actions, "vehicles.deregister").apply(app, actor("MRT"));

        assertThat(facts).containsEntry("fact.deregistrationReason", "Ашиглалтаас гарсан / Scrapped").containsEntry("fact.deregisteredOn", "2026-11-01");
        assertThat(changes.deregisteredOn(plate)).contains(LocalDate.of(2026, 11, 1));
        assertThat(changes.onRegister(owner)).isEmpty();
        assertThat(vehicles.history(plate)).extracting(VehicleEvent::type)
                .containsExactly(VehicleEvent.Type.REGISTRATION, VehicleEvent.Type.DEREGISTRATION);
        assertThatThrownBy(() -> vehicles.transfer(plate, ServiceFixtures.adult(registry), null, "Туршилт", actor("MRT")))
                .isInstanceOf(VehicleProblem.class).hasMessageContaining("vehicle_deregistered");
        assertThat(action(actions, "vehicles.deregister").obstacles(app)).containsExactly("obstacle.vehicle_deregistered");
    }

    @Test
    void replacementPlatesAreRecordedInTheHistoryAndOnlyMrtIssuesThem() {
        String owner = ServiceFixtures.adult(registry);
        String plate = vehicleOf(owner);
        var app = application("MRT-VEH-004", "MRT", owner, "plate", plate, "reason", "DAMAGED");
        assertThatThrownBy(() -> action(actions, "vehicles.replace-plates").apply(app, actor("POLICE")))
                .isInstanceOf(VehicleProblem.class).hasMessageContaining("vehicles_owner_only");

        action(actions, "vehicles.replace-plates").apply(app, actor("MRT"));

        assertThat(vehicles.history(plate)).extracting(VehicleEvent::type).contains(VehicleEvent.Type.PLATE_REPLACEMENT);
    }

    @Test
    void twoInspectionBookingsAtOneCentreGetDifferentSlots() {
        String owner = ServiceFixtures.adult(registry);
        String first = vehicleOf(owner);
        String second = vehicleOf(owner);
        LocalDate day = LocalDate.now().plusDays(40);
        Map<String, String> a = action(actions, "vehicles.book-inspection").apply(application("MRT-VEH-005", "MRT", owner,
                "plate", first, "centre", "ERDENET", "preferredDate", day.toString()), actor("MRT"));
        Map<String, String> b = action(actions, "vehicles.book-inspection").apply(application("MRT-VEH-005", "MRT", owner,
                "plate", second, "centre", "ERDENET", "preferredDate", day.toString()), actor("MRT"));

        assertThat(a.get("fact.date") + a.get("fact.time")).isNotEqualTo(b.get("fact.date") + b.get("fact.time"));
        assertThat(LocalDate.parse(a.get("fact.date"))).isAfterOrEqualTo(day);
        assertThat(bookings.ofVehicle(first)).hasSize(1);
        assertThat(a.get("fact.centre")).contains("Орхон");
    }

    @Test
    void theOwnershipReferenceIsGivenOnlyToTheOwner() {
        String owner = ServiceFixtures.adult(registry);
        String stranger = ServiceFixtures.adult(registry);
        String plate = vehicleOf(owner);

        Map<String, String> facts = action(actions, "vehicles.ownership-reference")
                .apply(application("MRT-VEH-006", "MRT", owner, "plate", plate, "purpose", "BANK"), actor("MRT"));

        assertThat(facts).containsEntry("fact.plate", plate).containsEntry("fact.owner", owner).containsEntry("fact.ownerSince", "2020-01-10")
                .containsEntry("fact.inspection", "Хугацаа хэтэрсэн / Overdue");
        assertThatThrownBy(() -> action(actions, "vehicles.ownership-reference")
                .apply(application("MRT-VEH-006", "MRT", stranger, "plate", plate), actor("MRT")))
                .isInstanceOf(ActionRefused.class);
    }
}
