package mn.zasag.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MobileNumberTests {

    @ParameterizedTest
    @CsvSource({
            "99112233,        +97699112233",
            "9911 2233,       +97699112233",
            "9911-2233,       +97699112233",
            "+976 9911 2233,  +97699112233",
            "0097699112233,   +97699112233",
            "97688112233,     +97688112233",
            "(+976) 60112233, +97660112233",
            "75112233,        +97675112233"})
    void writesMongolianMobileNumbersInE164(String typed, String e164) {
        assertThat(MobileNumber.normalize(typed)).contains(e164);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345678", "50112233", "9911223", "991122334", "+1 555 010 0199", "+97699112233x",
            "+976 5011 2233", "phone"})
    void refusesEverythingElse(String typed) {
        assertThat(MobileNumber.normalize(typed)).isEmpty();
    }
}
