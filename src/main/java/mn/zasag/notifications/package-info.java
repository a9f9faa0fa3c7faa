/**
 * Email (SMTP) and SMS (SMPP) to citizens and staff: message templates per kind and language, the
 * outbox every send is written to in the caller's transaction, and its delivery with retries and status.
 * Other modules call {@link mn.zasag.notifications.Notifications#send}; nothing else of it is theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package mn.zasag.notifications;
