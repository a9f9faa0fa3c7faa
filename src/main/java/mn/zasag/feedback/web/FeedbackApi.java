package mn.zasag.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.feedback.CaseStatus;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.HistoryEntry;
import mn.zasag.feedback.internal.CaseStore;
import mn.zasag.feedback.internal.FeedbackCases;
import mn.zasag.feedback.internal.LocalOffices;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * An agency's 11-11 queue over REST, for agencies that answer from their own systems. Refusals are
 * problem details: {@code feedback_transition_not_allowed} (409), {@code feedback_not_your_agency} (403),
 * {@code feedback_case_not_found} (404) and the content refusals (422).
 */
@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "11-11 centre")
class FeedbackApi {

    record CaseRecord(String reference, String kind, String category, String agency, String office, String division,
                      CaseStatus status,
                      String channel, OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean extended, String text,
                      String answer, OffsetDateTime answeredAt, Integer rating, List<HistoryEntry> history) {
    }

    /**
     * One step on a case: {@code assign}, {@code ask}, {@code extend}, {@code answer}, {@code close}, {@code reject},
     * {@code reroute} (to {@code agency}, and its local {@code office} or none for its national level).
     */
    record Step(String step, String text, Integer days, String agency, String office) {
    }

    private final FeedbackCases cases;
    private final CaseStore store;
    private final LocalOffices offices;

    FeedbackApi(FeedbackCases cases, CaseStore store, LocalOffices offices) {
        this.offices = offices;
        this.cases = cases;
        this.store = store;
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @GetMapping("/cases")
    @Operation(summary = "The caller's agency's cases (its local office's, for an officer of one), oldest deadline first (open ones unless status=all)",
            security = @SecurityRequirement(name = "bearer"))
    List<CaseRecord> queue(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "open") String status) {
        List<String> statuses = "all".equals(status) ? Arrays.stream(CaseStatus.values()).map(Enum::name).toList()
                : CaseStatus.OPEN.stream().map(Enum::name).toList();
        var office = offices.officeOf(me.login());
        return (office.isPresent() ? store.ofOffice(office.get(), statuses, 500) : store.ofAgency(me.agencyCode(), statuses, 500))
                .stream().map(c -> record(c, List.of())).toList();
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @GetMapping("/cases/{reference}")
    @Operation(summary = "A case with its history", security = @SecurityRequirement(name = "bearer"))
    CaseRecord one(@AuthenticationPrincipal Actor me, @PathVariable String reference) {
        FeedbackCase c = cases.forStaff(reference, me);
        return record(c, store.historyOf(c.id()));
    }

    @PreAuthorize("hasAuthority('FEEDBACK_HANDLE')")
    @PostMapping("/cases/{reference}/steps")
    @Operation(summary = "Take a step on a case (the lifecycle decides whether it is allowed)",
            security = @SecurityRequirement(name = "bearer"))
    CaseRecord step(@AuthenticationPrincipal Actor me, @PathVariable String reference, @RequestBody Step step) {
        String text = step.text();
        FeedbackCase c = switch (step.step() == null ? "" : step.step()) {
            case "assign" -> cases.assign(reference, me);
            case "ask" -> cases.askForInformation(reference, text, me);
            case "extend" -> cases.extend(reference, step.days() == null ? 0 : step.days(), text, me);
            case "answer" -> cases.answer(reference, text, me);
            case "close" -> cases.close(reference, me);
            case "reject" -> cases.reject(reference, text, me);
            case "reroute" -> cases.reroute(reference, step.agency(), step.office(), text, me);
            default -> throw new FeedbackRefused("feedback_step_unknown", "step");
        };
        return record(c, store.historyOf(c.id()));
    }

    private static CaseRecord record(FeedbackCase c, List<HistoryEntry> history) {
        return new CaseRecord(c.reference(), c.kind().name(), c.category(), c.agencyCode(), c.officeCode(), c.divisionCode(),
                c.status(),
                c.channel().name(), c.receivedAt(), c.dueAt(), c.extended(), c.text(), c.answer(), c.answeredAt(),
                c.rating(), history);
    }
}
