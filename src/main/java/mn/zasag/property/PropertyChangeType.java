package mn.zasag.property;

/** The kinds of registration on a property; each is one append-only {@link PropertyChange}. */
public enum PropertyChangeType {
    REGISTRATION, TRANSFER, ENCUMBRANCE_REGISTERED, ENCUMBRANCE_RELEASED
}
