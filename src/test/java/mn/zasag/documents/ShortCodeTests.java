package mn.zasag.documents;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShortCodeTests {

    @Test
    void aNewCodeIsEightSymbolsOfCrockfordsAlphabetShownInTwoGroups() {
        ShortCode code = ShortCode.random();
        assertThat(code.value()).matches("[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(code.display()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(ShortCode.parse(code.display())).isEqualTo(code);
    }

    @Test
    void readingIgnoresCaseHyphensAndSpacesAndReadsLookAlikes() {
        ShortCode code = ShortCode.random();
        String v = code.value();
        assertThat(ShortCode.parse(v.toLowerCase())).isEqualTo(code);
        assertThat(ShortCode.parse("  " + v.substring(0, 4) + " " + v.substring(4) + " ")).isEqualTo(code);
        assertThat(ShortCode.parse(v.substring(0, 2) + "-" + v.substring(2))).isEqualTo(code);
        // O for zero, I and L for one (Crockford), Cyrillic capitals from a Mongolian keyboard
        String withZeroAndOne = "0000001";
        String valid = withZeroAndOne + ShortCode.ALPHABET.charAt(ShortCode.checkSymbol(withZeroAndOne));
        assertThat(ShortCode.parse("OoOO-00I" + valid.charAt(7)).value()).isEqualTo(valid);
        assertThat(ShortCode.parse("000000l" + valid.charAt(7)).value()).isEqualTo(valid);
        String latin = "KMXAECT";
        String withCheck = latin + ShortCode.ALPHABET.charAt(ShortCode.checkSymbol(latin));
        assertThat(ShortCode.parse("КМХАЕСТ" + withCheck.charAt(7)).value()).isEqualTo(withCheck);
    }

    @Test
    void everySingleMistypedSymbolIsCaught() {
        for (int round = 0; round < 50; round++) {
            String v = ShortCode.random().value();
            for (int i = 0; i < v.length(); i++) {
                for (char c : ShortCode.ALPHABET.toCharArray()) {
                    if (c == v.charAt(i)) {
                        continue;
                    }
                    String typo = v.substring(0, i) + c + v.substring(i + 1);
                    assertThatThrownBy(() -> ShortCode.parse(typo)).isInstanceOf(DocumentCodeInvalid.class)
                            .extracting(e -> ((DocumentCodeInvalid) e).code()).isEqualTo("document_code_mistyped");
                }
            }
        }
    }

    @Test
    void mostSwapsOfNeighboursAreCaught() {
        int swaps = 0;
        int caught = 0;
        for (int round = 0; round < 200; round++) {
            String v = ShortCode.random().value();
            for (int i = 0; i + 1 < v.length(); i++) {
                if (v.charAt(i) == v.charAt(i + 1)) {
                    continue;
                }
                String swapped = v.substring(0, i) + v.charAt(i + 1) + v.charAt(i) + v.substring(i + 2);
                swaps++;
                try {
                    ShortCode.parse(swapped);
                } catch (DocumentCodeInvalid e) {
                    caught++;
                }
            }
        }
        // Luhn mod 32 misses only swaps of the two symbols whose values differ by 31 (0 and Z)
        assertThat((double) caught / swaps).isGreaterThan(0.99);
    }

    @Test
    void wrongLengthsAndForeignSymbolsAreMalformed() {
        for (String bad : new String[] {"", "   ", "ABC", "K7M2-9XQF-1", "K7M2-9XQ!", "U7M2-9XQF", "Ж7M2-9XQF", "K7M29XQFK7M29XQF"}) {
            assertThatThrownBy(() -> ShortCode.parse(bad)).as(bad).isInstanceOf(DocumentCodeInvalid.class)
                    .extracting(e -> ((DocumentCodeInvalid) e).code()).isEqualTo("document_code_malformed");
        }
        assertThatThrownBy(() -> ShortCode.parse(null)).isInstanceOf(DocumentCodeInvalid.class);
    }

    @Test
    void randomCodesDoNotRepeatInPractice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ShortCode.random().value());
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void theHolderIsMaskedOnThePublicPage() {
        assertThat(Documents.maskName("Болд Бат-Эрдэнэ")).isEqualTo("Б*** Б**-Э*****");
        assertThat(Documents.maskRegisterNumber("УБ90052114")).isEqualTo("УБ******14");
    }
}
