package mn.zasag.identity;

import java.util.EnumSet;
import java.util.Set;

import static mn.zasag.identity.Permission.*;

/** The roles and, in this one place, the permissions each grants. */
public enum Role {
    CITIZEN(EnumSet.of(ACCOUNT_SELF, TOKENS_SELF, MY_DATA, FEEDBACK_OWN, APPLICATIONS_OWN)),
    OFFICER(EnumSet.of(ACCOUNT_SELF, TOKENS_SELF, OFFICER_WORKSPACE, AUDIT_READ, CIVIL_REGISTRY_READ, CIVIL_REGISTRY_WRITE,
            ENTITY_REGISTRY_READ, ENTITY_REGISTRY_WRITE, PROPERTY_REGISTRY_READ, PROPERTY_REGISTRY_WRITE,
            VEHICLES_READ, VEHICLES_WRITE, TAX_READ, TAX_WRITE, SOCIAL_INSURANCE_READ, SOCIAL_INSURANCE_WRITE, CUSTOMS_READ,
            CUSTOMS_WRITE, FEEDBACK_HANDLE, FEEDBACK_OPERATE, EXCHANGE_CALL, APPLICATIONS_DECIDE)),
    AGENCY_ADMIN(EnumSet.of(ACCOUNT_SELF, TOKENS_SELF, OFFICER_WORKSPACE, OFFICERS_MANAGE_OWN_AGENCY, AUDIT_READ, PKI_ISSUE, PKI_REVOKE,
            DOCUMENTS_SEAL, FEEDBACK_HANDLE, FEEDBACK_OPERATE, FEEDBACK_SUPERVISE, EXCHANGE_CALL, EXCHANGE_MANAGE,
            APPLICATIONS_DECIDE)),
    PLATFORM_ADMIN(EnumSet.of(ACCOUNT_SELF, TOKENS_SELF, STAFF_MANAGE_ALL, AGENCIES_MANAGE, AUDIT_READ, AUDIT_READ_ALL, AUDIT_VERIFY, METRICS_READ,
            PKI_ISSUE, PKI_REVOKE, PKI_ADMIN, NOTIFICATIONS_ADMIN, DOCUMENTS_SEAL, REGISTRY_IMPORT,
            EXCHANGE_MANAGE, EXCHANGE_ADMIN));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Staff roles belong to an agency (officers, agency admins) or to the platform. */
    public boolean needsAgency() {
        return this == OFFICER || this == AGENCY_ADMIN;
    }
}
