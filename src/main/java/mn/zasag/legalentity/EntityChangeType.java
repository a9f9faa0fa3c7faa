package mn.zasag.legalentity;

/** The kinds of registered change to a legal entity; each is one append-only {@link EntityChange}. */
public enum EntityChangeType {
    REGISTRATION, NAME_CHANGE, ADDRESS_CHANGE, FOUNDERS_CHANGE, DIRECTORS_CHANGE, SUSPENSION, REINSTATEMENT, LIQUIDATION
}
