package mn.zasag.notifications;

import java.util.Set;

/**
 * Implemented by the module that owns a short number (e.g. the 11-11 centre's {@code 141111}): every
 * inbound SMS to one of {@link #shortNumbers()} is handed to {@link #handle} after it has been stored, in
 * a transaction of its own, and again later if that transaction fails, so a message is never lost. A
 * handler must therefore be idempotent per {@link InboundSms#id()}. Messages to a number nobody owns are
 * kept as unrouted for admins to see.
 */
public interface InboundSmsHandler {

    /** The short numbers this handler owns, digits only. Two handlers owning one number is a start-up error. */
    Set<String> shortNumbers();

    void handle(InboundSms sms);
}
