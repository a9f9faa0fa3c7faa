package mn.zasag.notifications;

import mn.zasag.shared.MobileNumber;

/**
 * Where a message goes: an email address, a mobile number or both (one message per channel). Checked
 * when sending: a Mongolian mobile number in any usual spelling becomes E.164 (+976...), anything else
 * is refused. A recipient with an {@code accountId} is a person with an account: the message is listed
 * to them (and only to them) in their account, and their channel preference (SMS, email or both) is
 * honoured; with no address given, the account's current ones are used.
 */
public record Recipient(String email, String mobile, Long accountId) {

    public Recipient(String email, String mobile) {
        this(email, mobile, null);
    }

    /** The person with this account, at the account's current mobile number and email address. */
    public static Recipient account(long accountId) {
        return new Recipient(null, null, accountId);
    }

    /** The person with this account, at these addresses (e.g. the ones an event carried). */
    public static Recipient account(long accountId, String email, String mobile) {
        return new Recipient(email, mobile, accountId);
    }

    public static Recipient email(String email) {
        return new Recipient(email, null);
    }

    public static Recipient mobile(String mobile) {
        return new Recipient(null, mobile);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasMobile() {
        return mobile != null && !mobile.isBlank();
    }

    /**
     * This recipient less any address that would be refused: for messages that must not fail the
     * caller's change (a warning after a password change), where one usable channel is enough.
     */
    public Recipient usable() {
        String usableEmail = null;
        if (hasEmail()) {
            try {
                usableEmail = checkedEmail();
            } catch (RecipientInvalid e) {
                usableEmail = null;
            }
        }
        String usableMobile = hasMobile() ? MobileNumber.normalize(mobile).orElse(null) : null;
        return new Recipient(usableEmail, usableMobile, accountId);
    }

    /** The mobile number in E.164, or a refusal. */
    public String normalizedMobile() {
        return MobileNumber.normalize(mobile).orElseThrow(() -> new RecipientInvalid("notification_mobile_invalid"));
    }

    /** The email address as given, if it is one a mail server accepts; or a refusal. */
    public String checkedEmail() {
        String address = email.strip();
        if (address.length() > 254 || !address.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+")) {
            throw new RecipientInvalid("notification_email_invalid");
        }
        try {
            new jakarta.mail.internet.InternetAddress(address, true).validate();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new RecipientInvalid("notification_email_invalid");
        }
        return address;
    }

    @Override
    public String toString() {
        return "Recipient[email=" + (hasEmail() ? "***" : "-") + ", mobile=" + (hasMobile() ? "***" : "-")
                + ", account=" + accountId + "]";
    }
}
