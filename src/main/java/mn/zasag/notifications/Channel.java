package mn.zasag.notifications;

/** How a message travels. */
public enum Channel {
    EMAIL, SMS
}
