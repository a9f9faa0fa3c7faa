package mn.zasag.applications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.applications.internal.AnswerError;
import mn.zasag.applications.internal.Application;
import mn.zasag.applications.internal.ApplicationStore;
import mn.zasag.applications.internal.CitizenJourney;
import mn.zasag.applications.internal.Decisions;
import mn.zasag.applications.internal.HistoryEntry;
import mn.zasag.shared.Actor;
import mn.zasag.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applications over REST: the applicant's own ("my applications") and the agency's back office. Refusals are
 * problem details: {@code application_not_found} (404, also for anyone else's), {@code applications_transition_not_allowed}
 * (409), {@code applications_message_required} and {@code applications_decision_invalid} (422).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Online applications")
class ApplicationsApi {

    record ApplicationRecord(String reference, String form, int formVersion, String service, String agency, String applicant,
                             String state, OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt,
                             String assignedTo, Map<String, String> answers, Map<String, String> decision,
                             List<HistoryEntry> history) {
    }

    /** A step in the back office: {@code claim}, {@code request-info} (message), {@code reject} (message), {@code approve} (fields). */
    record Step(String step, String message, Map<String, String> fields) {
    }

    /** The decision fields an approval refused. */
    static class DecisionInvalid extends ProblemException {
        DecisionInvalid(String fields) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "applications_decision_invalid", "Invalid decision fields: " + fields);
        }
    }

    private final CitizenJourney journey;
    private final Decisions decisions;
    private final ApplicationStore store;
    private final MessageSource messages;

    ApplicationsApi(CitizenJourney journey, Decisions decisions, ApplicationStore store, MessageSource messages) {
        this.journey = journey;
        this.decisions = decisions;
        this.store = store;
        this.messages = messages;
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications")
    @Operation(summary = "The caller's own applications, newest first", security = @SecurityRequirement(name = "bearer"))
    List<ApplicationRecord> mine(@AuthenticationPrincipal Actor me) {
        return store.ofApplicant(me.accountId()).stream().map(a -> record(a, false)).toList();
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_OWN')")
    @GetMapping("/applications/{reference}")
    @Operation(summary = "One of the caller's applications with its answers and history", security = @SecurityRequirement(name = "bearer"))
    ApplicationRecord mineOne(@AuthenticationPrincipal Actor me, @PathVariable String reference) {
        return record(journey.own(reference, me), true);
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @GetMapping("/office/applications")
    @Operation(summary = "The caller's agency's applications (open ones unless a state is given)",
            security = @SecurityRequirement(name = "bearer"))
    List<ApplicationRecord> queue(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String state,
                                  @RequestParam(defaultValue = "") String service) {
        String agency = me.agencyCode() == null ? "" : me.agencyCode();
        return store.queue(agency, OfficePages.STATES.contains(state) ? state : "", service, "oldest").stream()
                .map(a -> record(a, false)).toList();
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @GetMapping("/office/applications/{reference}")
    @Operation(summary = "One application of the caller's agency", security = @SecurityRequirement(name = "bearer"))
    ApplicationRecord officeOne(@AuthenticationPrincipal Actor me, @PathVariable String reference) {
        return record(decisions.forOfficer(reference, me), true);
    }

    @PreAuthorize("hasAuthority('APPLICATIONS_DECIDE')")
    @PostMapping("/office/applications/{reference}/steps")
    @Operation(summary = "Take a step on an application (the lifecycle table decides whether it is allowed)",
            security = @SecurityRequirement(name = "bearer"))
    ApplicationRecord step(@AuthenticationPrincipal Actor me, @PathVariable String reference, @RequestBody Step step, Locale locale) {
        Application a = switch (step.step() == null ? "" : step.step()) {
            case "claim" -> decisions.claim(reference, me);
            case "request-info" -> decisions.requestInformation(reference, me, step.message());
            case "reject" -> decisions.reject(reference, me, step.message());
            case "approve" -> {
                Decisions.Approval approval = decisions.approve(reference, me, step.fields() == null ? Map.of() : step.fields());
                if (!approval.errors().isEmpty()) {
                    throw new DecisionInvalid(approval.errors().stream().map(AnswerError::question).collect(Collectors.joining(", ")));
                }
                yield approval.application();
            }
            default -> throw new DecisionInvalid("step");
        };
        return record(a, true);
    }

    private ApplicationRecord record(Application a, boolean full) {
        return new ApplicationRecord(a.reference(), a.formId(), a.formVersion(), a.serviceCode(), a.agencyCode(), a.applicant(),
                a.state(), a.createdAt(), a.submittedAt(), a.decidedAt(), a.assignedTo(),
                full ? CitizenJourney.answersOnly(a.answers()) : null, full ? a.decision() : null,
                full ? store.history(a.id()) : null);
    }
}
