package mn.zasag.notifications.internal;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Tag;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One mobile-originated deliver_sm as read off the link: who sent it to which short number, its
 * data_coding and payload, and — for a part of a concatenated message — the part's place, from a user
 * data header (IE 0x00 or 0x08, esm_class UDHI) or from the sar_ TLVs.
 */
record InboundPdu(String source, String shortNumber, int dataCoding, byte[] payload, Concatenation part) {

    /** A part of a concatenated message: the sender's reference, how many parts, and this one's number. */
    record Concatenation(int reference, int total, int seq) {
    }

    static InboundPdu of(DeliverSm pdu) {
        byte[] message = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        if (message.length == 0) {
            OptionalParameter payload = pdu.getOptionalParameter(Tag.MESSAGE_PAYLOAD);
            if (payload instanceof OptionalParameter.OctetString octets) {
                message = octets.getValue();
            }
        }
        Concatenation part = null;
        boolean udhi = (pdu.getEsmClass() & 0x40) != 0;
        if (udhi && message.length > 0) {
            int headerLength = message[0] & 0xFF;
            int end = Math.min(1 + headerLength, message.length);
            for (int i = 1; i + 1 < end; ) {
                int ie = message[i] & 0xFF;
                int length = message[i + 1] & 0xFF;
                if (ie == 0x00 && length == 3 && i + 4 < end + 1) {
                    part = new Concatenation(message[i + 2] & 0xFF, message[i + 3] & 0xFF, message[i + 4] & 0xFF);
                } else if (ie == 0x08 && length == 4 && i + 5 < end + 1) {
                    part = new Concatenation(((message[i + 2] & 0xFF) << 8) | (message[i + 3] & 0xFF),
                            message[i + 4] & 0xFF, message[i + 5] & 0xFF);
                }
                i += 2 + length;
            }
            message = Arrays.copyOfRange(message, end, message.length);
        } else {
            OptionalParameter.Sar_msg_ref_num ref = pdu.getOptionalParameter(OptionalParameter.Sar_msg_ref_num.class);
            OptionalParameter.Sar_total_segments total = pdu.getOptionalParameter(OptionalParameter.Sar_total_segments.class);
            OptionalParameter.Sar_segment_seqnum seq = pdu.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class);
            if (ref != null && total != null && seq != null) {
                part = new Concatenation(ref.getValue() & 0xFFFF, total.getValue() & 0xFF, seq.getValue() & 0xFF);
            }
        }
        if (part != null && (part.total() < 2 || part.seq() < 1 || part.seq() > part.total())) {
            part = null; // a "1 of 1" or a broken header: take the payload as a whole message
        }
        return new InboundPdu(sender(pdu), digits(pdu.getDestAddress()), pdu.getDataCoding() & 0xFF, message, part);
    }

    /** The sender in E.164 when it is a Mongolian mobile number, else as received. */
    private static String sender(DeliverSm pdu) {
        String address = pdu.getSourceAddr() == null ? "" : pdu.getSourceAddr().strip();
        String candidate = pdu.getSourceAddrTon() == 1 && address.matches("\\d+") ? "+" + address : address;
        return mn.zasag.shared.MobileNumber.normalize(candidate).orElse(address);
    }

    private static String digits(String address) {
        return address == null ? "" : address.replaceAll("\\D", "");
    }

    /**
     * The text of a (reassembled) payload in its data_coding, or empty when we cannot read that coding:
     * 0x00 the SMSC default alphabet (GSM 03.38, one septet per byte), 0x01 IA5/ASCII, 0x03 Latin-1,
     * 0x06 ISO-8859-5 (Cyrillic), 0x08 UCS-2 (UTF-16BE, surrogate pairs allowed), and the GSM message-class
     * codings 0xF0–0xF3 (default alphabet).
     */
    static Optional<String> decode(int dataCoding, byte[] payload) {
        return switch (dataCoding) {
            case 0x00, 0xF0, 0xF1, 0xF2, 0xF3 -> SmsText.decodeGsm7(payload);
            case 0x01 -> Optional.of(new String(payload, StandardCharsets.US_ASCII));
            case 0x03 -> Optional.of(new String(payload, StandardCharsets.ISO_8859_1));
            case 0x06 -> Optional.of(new String(payload, Charset.forName("ISO-8859-5")));
            case 0x08 -> payload.length % 2 == 0 ? Optional.of(new String(payload, StandardCharsets.UTF_16BE)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    static String unreadableReason(int dataCoding) {
        return String.format(Locale.ROOT, "inbound_data_coding_0x%02x", dataCoding);
    }
}
