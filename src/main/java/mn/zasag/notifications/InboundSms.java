package mn.zasag.notifications;

import java.time.Instant;

/**
 * A mobile-originated SMS as the SMSC handed it to us (deliver_sm that is not a delivery receipt), already
 * reassembled when it came in concatenated parts.
 *
 * @param id          our id of the stored message; the same message is never handed over under two ids
 * @param from        the sender in E.164 (+976…) when it was a Mongolian mobile number, else as received
 * @param shortNumber the number it was sent to (e.g. {@code 141111}), digits only
 * @param text        the decoded text (GSM 7-bit or UCS-2)
 * @param receivedAt  when our SMPP link received it
 */
public record InboundSms(long id, String from, String shortNumber, String text, Instant receivedAt) {
}
