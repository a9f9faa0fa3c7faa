package mn.zasag.shared;

import java.util.Optional;

/**
 * Mongolian mobile numbers: eight digits whose first is 6, 7, 8 or 9 (operators' ranges), written with or
 * without +976 and with spaces or hyphens. Stored as E.164, the form SMS gateways take. Shared because
 * identity stores numbers and notifications sends to them: both must agree on what a number is.
 */
public final class MobileNumber {

    private MobileNumber() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.strip().replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+976")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("00976")) {
            digits = digits.substring(5);
        } else if (digits.startsWith("976") && digits.length() == 11) {
            digits = digits.substring(3);
        }
        return digits.matches("[6-9]\\d{7}") ? Optional.of("+976" + digits) : Optional.empty();
    }
}
