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
    /** Look up vehicles by plate, VIN or owner, giving a legal basis (audited). */
    VEHICLES_READ,
    /** Register vehicles, transfers and inspections; the registry also requires the owning agency (MRT). */
    VEHICLES_WRITE,
    /** Read taxpayers, their ledger and "no tax debt" status, giving a legal basis (audited). */
    TAX_READ,
    /** Register taxpayers, assessed debts and payments; the registry also requires the owning agency (GDT). */
    TAX_WRITE,
    /** Read a person's social insurance contributions, giving a legal basis (audited). */
    SOCIAL_INSURANCE_READ,
    /** Record social insurance contributions; the registry also requires the owning agency (GASI). */
    SOCIAL_INSURANCE_WRITE,
    /** Read customs debts of a person or entity, giving a legal basis (audited). */
    CUSTOMS_READ,
    /** Record customs debts and payments; the registry also requires the owning agency (CUSTOMS). */
    CUSTOMS_WRITE,
    /** Look up and read legal entities, giving a legal basis (every read is audited); issue non-registration references. */
    ENTITY_REGISTRY_READ,
    /** Register legal entities and their changes; the registry also requires the owning agency (GASR). */
    ENTITY_REGISTRY_WRITE,
    /** Look up and read property records, giving a legal basis (every read is audited). */
    PROPERTY_REGISTRY_READ,
    /** Register property rights, transfers and encumbrances; the registry also requires the owning agency (GASR). */
    PROPERTY_REGISTRY_WRITE,
    /** Bulk-import persons into the civil registry from a CSV file and follow the import (platform admin). */
    REGISTRY_IMPORT,
    /** See one's own civil registry record (and one's own entities, property, vehicles, taxes…). */
    MY_DATA,
    /** Edit message templates, search sent notifications and read the outbox. */
    NOTIFICATIONS_ADMIN,
    /** Seal documents (PDF) with the agency's seal. */
    DOCUMENTS_SEAL,
    /** See one's own 11-11 cases and act on them (give information, rate the answer). */
    FEEDBACK_OWN,
    /** Work the agency's 11-11 queue: assign, ask for information, extend, answer, close, reject. */
    FEEDBACK_HANDLE,
    /** The 11-11 operator console: record calls and walk-ins, re-route, redact; effective only for CITA staff. */
    FEEDBACK_OPERATE,
    /** Decide appeals against poor-rated answers of one's agency (CITA: of every agency). */
    FEEDBACK_SUPERVISE,
    /** Apply for services online and follow one's own applications (answer questions, withdraw). */
    APPLICATIONS_OWN,
    /** Work the agency's applications: claim, assign, ask for information, approve, reject. */
    APPLICATIONS_DECIDE,
    /** Call services through the data exchange as a client subsystem of one's own agency's member. */
    EXCHANGE_CALL,
    /** Manage one's own agency's member in the exchange directory: subsystems, services, access rights. */
    EXCHANGE_MANAGE,
    /** Manage every member of the exchange directory, export the message log and see the exchange's figures. */
    EXCHANGE_ADMIN
}
