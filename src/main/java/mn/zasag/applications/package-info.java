/**
 * Online applications: forms as data rendered one question per page, drafts, check-your-answers, submission,
 * the officers' back office and the lifecycle (draft, submitted, in review, info requested, approved,
 * rejected, document issued, withdrawn). On approval an {@link mn.zasag.applications.ApprovalAction} makes
 * the change in the owning registry through that registry's API, in the same transaction and audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Online applications")
package mn.zasag.applications;
