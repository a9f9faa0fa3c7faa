package mn.zasag.identity;

/**
 * One permission per action. Controllers name exactly one of these in {@code @PreAuthorize}
 * ({@code hasAuthority('AUDIT_READ')}); {@link Role} maps them to roles, in one place.
 */
public enum Permission {
    /** See and edit one's own account. */
    ACCOUNT_SELF,
    /** Create and revoke one's own personal access tokens. */
    TOKENS_SELF,
    /** The officer's workspace of their agency. */
    OFFICER_WORKSPACE,
    /** Create and disable officer accounts of one's own agency. */
    OFFICERS_MANAGE_OWN_AGENCY,
    /** Create and disable staff accounts of any agency. */
    STAFF_MANAGE_ALL,
    /** Create and edit agencies. */
    AGENCIES_MANAGE,
    /** Search the audit trail of one's own agency. */
    AUDIT_READ,
    /** Search the whole audit trail. */
    AUDIT_READ_ALL,
    /** Verify the audit trail's hash chain. */
    AUDIT_VERIFY,
    /** Read operational metrics (Prometheus). */
    METRICS_READ,
    /** Issue certificates from PKCS#10 requests. */
    PKI_ISSUE,
    /** Revoke, suspend and reinstate certificates one's own agency requested. */
    PKI_REVOKE,
    /** Act on any certificate, whichever agency requested it. */
    PKI_ADMIN,
    /** Look up and read persons in the civil registry, giving a legal basis (every read is audited). */
    CIVIL_REGISTRY_READ,
    /** Register persons and civil events; the registry also requires the owning agency (GASR). */
    CIVIL_REGISTRY_WRITE,
    /** See one's own civil registry record. */
    MY_DATA,
    /** Edit message templates, search sent notifications and read the outbox. */
    NOTIFICATIONS_ADMIN,
    /** Seal documents (PDF) with the agency's seal. */
    DOCUMENTS_SEAL,
    /** Call services through the data exchange as a client subsystem of one's own agency's member. */
    EXCHANGE_CALL,
    /** Manage one's own agency's member in the exchange directory: subsystems, services, access rights. */
    EXCHANGE_MANAGE,
    /** Manage every member of the exchange directory, export the message log and see the exchange's figures. */
    EXCHANGE_ADMIN
}
