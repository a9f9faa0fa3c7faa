package mn.zasag.applications.internal.actions;

import mn.zasag.ZasagTest;
import mn.zasag.applications.ApprovalAction;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.shared.RegisterNumber.Sex;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import mn.zasag.welfare.WelfareProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static mn.zasag.applications.internal.actions.ServiceFixtures.action;
import static mn.zasag.applications.internal.actions.ServiceFixtures.actor;
import static mn.zasag.applications.internal.actions.ServiceFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZasagTest
class WelfareActionsTests {

    @Autowired
    List<ApprovalAction> actions;
    @Autowired
    CivilRegistry registry;
    @Autowired
    WelfareBenefits welfare;

    private final LocalDate today = LocalDate.now();

    private Object[] decision(Object... answers) {
        Object[] all = new Object[answers.length + 4];
        System.arraycopy(answers, 0, all, 0, answers.length);
        all[answers.length] = "decision.amount";
        all[answers.length + 1] = "345000";
        all[answers.length + 2] = "decision.fromDate";
        all[answers.length + 3] = today.toString();
        return all;
    }

    @Test
    void theOldAgeWelfarePensionIsForMenFromSixtyAndWomenFromFiftyFive() {
        String woman = ServiceFixtures.person(registry, today.minusYears(56), Sex.FEMALE, "1122");
        String man = ServiceFixtures.person(registry, today.minusYears(56), Sex.MALE, "1122");
        ApprovalAction pension = action(actions, "welfare.retirement-pension");

        assertThat(pension.obstacles(application("GASWS-SW-001", "GASWS", man))).containsExactly("obstacle.below_pension_age");
        var app = application("GASWS-SW-001", "GASWS", woman, decision("bank", "KHAN", "bankAccount", "5012345678"));
        assertThat(pension.obstacles(app)).isEmpty();

        Map<String, String> facts = pension.apply(app, actor("GASWS"));

        assertThat(facts).containsEntry("fact.benefitKind", "Өндөр насны халамжийн тэтгэвэр / Old-age welfare pension").containsEntry("fact.monthlyAmount", "345000")
                .containsEntry("fact.benefitUntil", "—");
        assertThat(welfare.ofPerson(woman)).extracting(WelfareBenefit::reference).containsExactly(app.reference());
        // a second welfare pension for the same time is refused
        assertThat(pension.obstacles(app)).containsExactly("obstacle.pension_already_granted");
        assertThatThrownBy(() -> action(actions, "welfare.disability-pension").apply(application("GASWS-SW-002", "GASWS", woman,
                decision("lossPercent", "80")), actor("GASWS")))
                .isInstanceOf(WelfareProblem.class).hasMessageContaining("pension_already_granted");
    }

    @Test
    void theDisabilityPensionNeedsHalfTheCapacityLost() {
        String rn = ServiceFixtures.adult(registry);
        ApprovalAction pension = action(actions, "welfare.disability-pension");
        assertThat(pension.obstacles(application("GASWS-SW-002", "GASWS", rn, "lossPercent", "30")))
                .containsExactly("obstacle.capacity_loss_too_low");

        var app = application("GASWS-SW-002", "GASWS", rn, decision("lossPercent", "70", "decision.untilDate",
                today.plusYears(1).toString()));
        assertThat(pension.obstacles(app)).isEmpty();
        pension.apply(app, actor("GASWS"));

        assertThat(welfare.ofPerson(rn)).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(WelfareBenefit.Kind.DISABILITY_PENSION);
            assertThat(b.untilDate()).isEqualTo(today.plusYears(1));
        });
        assertThatThrownBy(() -> pension.apply(application("GASWS-SW-002", "GASWS", ServiceFixtures.adult(registry),
                decision("lossPercent", "70")), actor("GASI")))
                .isInstanceOf(WelfareProblem.class).hasMessageContaining("welfare_owner_only");
    }

    @Test
    void theSurvivorPensionNeedsTheProviderRecordedDead() {
        String widow = ServiceFixtures.person(registry, LocalDate.of(1970, 5, 5), Sex.FEMALE, "1122");
        String husband = ServiceFixtures.person(registry, LocalDate.of(1968, 4, 4), Sex.MALE, "1122");
        ApprovalAction pension = action(actions, "welfare.survivor-pension");
        var app = application("GASWS-SW-003", "GASWS", widow, decision("deceasedRegisterNumber", husband, "relationship", "SPOUSE"));

        assertThat(pension.obstacles(app)).containsExactly("obstacle.provider_alive");
        assertThatThrownBy(() -> pension.apply(app, actor("GASWS"))).isInstanceOf(ActionRefused.class);
        assertThat(pension.obstacles(application("GASWS-SW-003", "GASWS", widow, "deceasedRegisterNumber", "ЩЯ00000000")))
                .containsExactly("obstacle.provider_not_in_registry");

        ServiceFixtures.dies(registry, husband, today.minusMonths(1));
        assertThat(pension.obstacles(app)).isEmpty();
        Map<String, String> facts = pension.apply(app, actor("GASWS"));

        assertThat(facts).containsEntry("fact.providerDiedOn", today.minusMonths(1).toString());
        assertThat(welfare.ofPerson(widow)).extracting(WelfareBenefit::kind).containsExactly(WelfareBenefit.Kind.SURVIVOR_PENSION);
    }

    @Test
    void theChildBenefitIsForAChildUnderOneAndThePregnancyBenefitFromWeekTwenty() {
        String mother = ServiceFixtures.person(registry, LocalDate.of(1995, 1, 1), Sex.FEMALE, "1122");
        String baby = ServiceFixtures.person(registry, today.minusMonths(3), Sex.MALE, "1122");
        String toddler = ServiceFixtures.person(registry, today.minusYears(2), Sex.MALE, "1122");
        ApprovalAction benefit = action(actions, "welfare.maternity-benefit");

        assertThat(benefit.obstacles(application("GASWS-SW-005", "GASWS", mother, "kind", "INFANT", "childRegisterNumber", toddler)))
                .containsExactly("obstacle.child_over_one_year");
        assertThat(benefit.obstacles(application("GASWS-SW-005", "GASWS", mother, "kind", "PREGNANT", "pregnancyWeek", "12")))
                .containsExactly("obstacle.pregnancy_too_early");
        var app = application("GASWS-SW-005", "GASWS", mother, decision("kind", "INFANT", "childRegisterNumber", baby,
                "decision.untilDate", today.plusMonths(9).toString()));
        assertThat(benefit.obstacles(app)).isEmpty();

        benefit.apply(app, actor("GASWS"));

        assertThat(welfare.ofPerson(mother)).extracting(WelfareBenefit::kind).containsExactly(WelfareBenefit.Kind.MATERNITY_CHILD_BENEFIT);
    }

    @Test
    void theProsthesisRefundIsPaidOnceAndNotAboveThePrice() {
        String rn = ServiceFixtures.adult(registry);
        ApprovalAction refund = action(actions, "welfare.prosthesis-refund");
        var tooMuch = application("GASWS-SW-006", "GASWS", rn, "device", "PROSTHESIS_LEG", "purchaseDate",
                today.minusMonths(1).toString(), "amountPaid", "300000", "decision.amount", "345000");
        assertThatThrownBy(() -> refund.apply(tooMuch, actor("GASWS"))).isInstanceOf(ActionRefused.class)
                .hasMessageContaining("refund_exceeds_price");
        assertThat(refund.obstacles(application("GASWS-SW-006", "GASWS", rn, "purchaseDate", today.minusYears(2).toString())))
                .containsExactly("obstacle.purchase_too_old");

        Map<String, String> facts = refund.apply(application("GASWS-SW-006", "GASWS", rn, "device", "PROSTHESIS_LEG",
                "purchaseDate", today.minusMonths(1).toString(), "amountPaid", "1200000", "decision.amount", "600000"),
                actor("GASWS"));

        assertThat(facts).containsEntry("fact.refundAmount", "600000").doesNotContainKey("fact.benefitUntil");
        assertThat(welfare.ofPerson(rn)).singleElement().satisfies(b -> assertThat(b.monthly()).isFalse());
    }
}
