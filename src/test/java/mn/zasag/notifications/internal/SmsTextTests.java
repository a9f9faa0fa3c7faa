package mn.zasag.notifications.internal;

import mn.zasag.notifications.internal.SmsText.Encoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTests {

    @Test
    void latinTextOfOneHundredSixtyCharactersIsOneGsm7Message() {
        SmsText sms = SmsText.of("a".repeat(160));

        assertThat(sms.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(sms.encoding().dataCoding()).isEqualTo((byte) 0x00);
        assertThat(sms.parts()).containsExactly("a".repeat(160));
    }

    @Test
    void latinTextOfOneHundredSixtyOneCharactersGoesInPartsOfOneHundredFiftyThree() {
        SmsText sms = SmsText.of("b".repeat(161));

        assertThat(sms.parts()).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void anyCyrillicLetterMakesTheMessageUcs2WithSeventyCharacters() {
        SmsText sms = SmsText.of("Сайн байна уу".repeat(5) + "x".repeat(5));

        assertThat(sms.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(sms.encoding().dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sms.partCount()).isEqualTo(1);
        assertThat(sms.parts().get(0)).hasSize(70);
    }

    @Test
    void cyrillicTextOfSeventyOneCharactersGoesInPartsOfSixtySeven() {
        SmsText sms = SmsText.of("ө".repeat(71));

        assertThat(sms.parts()).extracting(String::length).containsExactly(67, 4);
        assertThat(String.join("", sms.parts())).isEqualTo("ө".repeat(71));
    }

    @Test
    void longMongolianMessageKeepsEveryCharacterInOrderAcrossParts() {
        String text = "Таны өргөдлийг хүлээн авлаа. Дугаар: 2026-000123. Шийдвэрийг 5 хоногийн дотор мэдэгдэнэ. Засаг";

        SmsText sms = SmsText.of(text);

        assertThat(sms.partCount()).isEqualTo(2);
        assertThat(sms.parts()).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(67));
        assertThat(String.join("", sms.parts())).isEqualTo(text);
    }

    @Test
    void extensionTableCharactersCostTwoSeptets() {
        assertThat(SmsText.units("{}", Encoding.GSM7)).isEqualTo(4);
        assertThat(SmsText.of("€".repeat(80)).partCount()).isEqualTo(1);
        assertThat(SmsText.of("€".repeat(81)).partCount()).isEqualTo(2);
    }

    @Test
    void anEscapeSequenceIsNeverSplitBetweenParts() {
        // 152 septets, then a two-septet character that does not fit in the first part's 153
        SmsText sms = SmsText.of("c".repeat(152) + "[" + "d".repeat(20));

        assertThat(sms.parts().get(0)).isEqualTo("c".repeat(152));
        assertThat(sms.parts().get(1)).startsWith("[");
    }

    @Test
    void aSurrogatePairIsNeverSplitBetweenParts() {
        SmsText sms = SmsText.of("я".repeat(66) + "😀" + "я".repeat(10));

        assertThat(sms.parts().get(0)).isEqualTo("я".repeat(66));
        assertThat(sms.parts().get(1)).startsWith("😀");
    }

    @Test
    void gsmAccentedLettersStayGsm7ButOtherAccentsAreUcs2() {
        assertThat(SmsText.of("Café à Zürich").encoding()).isEqualTo(Encoding.GSM7);
        assertThat(SmsText.of("Ulaanbaatar ô").encoding()).isEqualTo(Encoding.UCS2);
    }

    @Test
    void partsAreEncodedAsUnpackedGsmSeptetsOrUcs2BigEndian() {
        assertThat(SmsText.of("@A{").bytes(0)).containsExactly(0x00, 0x41, 0x1B, 0x28);
        assertThat(SmsText.of("Ө1").bytes(0)).containsExactly(0x04, 0xE8, 0x00, 0x31);
    }
}
