package mn.zasag.registry;

/** What a civil event records. */
public enum CivilEventType {
    BIRTH, MARRIAGE, DIVORCE, ADDRESS_CHANGE, ID_CARD_ISSUE, NAME_CHANGE, DEATH
}
