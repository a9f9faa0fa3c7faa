package mn.zasag.notifications.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How an SMS is encoded and split. A text made only of the GSM 03.38 alphabet goes as GSM-7: 160
 * characters in one message, 153 per part when concatenated (the user data header takes 7); characters
 * of the extension table ({@code ^{}[]~|€\}) cost two. Anything else, Mongolian Cyrillic included, goes
 * as UCS-2: 70 UTF-16 units alone, 67 per part. Parts never split an escape sequence or a surrogate pair.
 */
public record SmsText(Encoding encoding, List<String> parts) {

    public enum Encoding {
        GSM7(160, 153), UCS2(70, 67);

        final int single;
        final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        /** SMPP data_coding: 0x00 SMSC default alphabet, 0x08 UCS-2. */
        public byte dataCoding() {
            return this == GSM7 ? (byte) 0x00 : (byte) 0x08;
        }
    }

    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** The code after the escape (0x1B) of each character of GSM_EXTENSION, in the same order. */
    private static final byte[] GSM_EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    public SmsText {
        parts = List.copyOf(parts);
    }

    public static SmsText of(String text) {
        Encoding encoding = isGsm7(text) ? Encoding.GSM7 : Encoding.UCS2;
        return new SmsText(encoding, split(text, encoding));
    }

    public int partCount() {
        return parts.size();
    }

    /**
     * One part's bytes for SMPP's short_message: UCS-2 big-endian, or GSM 03.38 septets unpacked (one
     * per byte, extension characters after an escape), as SMSCs take the default alphabet.
     */
    public byte[] bytes(int part) {
        String text = parts.get(part);
        if (encoding == Encoding.UCS2) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int extension = GSM_EXTENSION.indexOf(c);
            if (extension >= 0) {
                out.write(0x1B);
                out.write(GSM_EXTENSION_CODES[extension]);
            } else {
                out.write(GSM_BASIC.indexOf(c));
            }
        }
        return out.toByteArray();
    }

    /**
     * GSM 03.38 septets, one per byte as SMSCs hand the default alphabet over SMPP, back to text; empty if
     * a byte is not a septet.
     */
    static java.util.Optional<String> decodeGsm7(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int b = septets[i] & 0xFF;
            if (b > 0x7F) {
                return java.util.Optional.empty();
            }
            if (b == 0x1B && i + 1 < septets.length) {
                int code = septets[++i] & 0xFF;
                int extension = -1;
                for (int e = 0; e < GSM_EXTENSION_CODES.length; e++) {
                    if (GSM_EXTENSION_CODES[e] == code) {
                        extension = e;
                    }
                }
                // an unknown escape shows as a space, as handsets do
                text.append(extension >= 0 ? GSM_EXTENSION.charAt(extension) : ' ');
            } else {
                text.append(GSM_BASIC.charAt(b));
            }
        }
        return java.util.Optional.of(text.toString());
    }

    static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B' || (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** The length in the encoding's units: septets for GSM-7, UTF-16 units for UCS-2. */
    static int units(String text, Encoding encoding) {
        if (encoding == Encoding.UCS2) {
            return text.length();
        }
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return units;
    }

    private static List<String> split(String text, Encoding encoding) {
        if (units(text, encoding) <= encoding.single) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int cost = units(ch, encoding);
            if (used + cost > encoding.perPart) {
                parts.add(part.toString());
                part.setLength(0);
                used = 0;
            }
            part.append(ch);
            used += cost;
            i += ch.length();
        }
        parts.add(part.toString());
        return parts;
    }
}
