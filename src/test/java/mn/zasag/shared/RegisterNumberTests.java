package mn.zasag.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import mn.zasag.shared.InvalidRegisterNumber.Reason;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

// The numbers below are made up to fit the format; the control digit cannot be computed, so some of
// them may or may not belong to someone, and none was taken from a real person.
class RegisterNumberTests {

    /** Noon in Ulaanbaatar on 2024-06-15, zoned like the application's clock bean. */
    private static final Clock MID_JUNE_2024 =
            Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), ZoneId.of("Asia/Ulaanbaatar"));

    private static RegisterNumber parse(String raw) {
        return RegisterNumber.parse(raw, MID_JUNE_2024);
    }

    private static InvalidRegisterNumber rejectionOf(String raw) {
        return rejectionOf(raw, MID_JUNE_2024);
    }

    private static InvalidRegisterNumber rejectionOf(String raw, Clock clock) {
        InvalidRegisterNumber rejection =
                catchThrowableOfType(InvalidRegisterNumber.class, () -> RegisterNumber.parse(raw, clock));
        assertThat(rejection).as("rejection of %s", raw).isNotNull();
        assertThat(RegisterNumber.isValid(raw, clock)).isFalse();
        return rejection;
    }

    @Test
    void acceptsPersonBornInThe1900sWithThePlainMonth() {
        RegisterNumber number = parse("УБ89101512");

        assertThat(number.value()).isEqualTo("УБ89101512");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1989, 10, 15));
    }

    @Test
    void acceptsPersonBornIn2001WithMonthPlusTwenty() {
        RegisterNumber number = parse("УБ01230515");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2001, 3, 5));
    }

    @Test
    void readsDecemberOfThe2000sAsMonthThirtyTwo() {
        assertThat(parse("АА10321247").birthDate()).isEqualTo(LocalDate.of(2010, 12, 12));
    }

    @Test
    void readsYearZeroZeroWithAnOrdinaryMonthAs1900() {
        assertThat(parse("УБ00011521").birthDate()).isEqualTo(LocalDate.of(1900, 1, 15));
    }

    @Test
    void acceptsLeapDayOf2000() {
        assertThat(parse("УБ00222921").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void acceptsLeapDayOfAnOrdinaryLeapYear() {
        assertThat(parse("УБ96022921").birthDate()).isEqualTo(LocalDate.of(1996, 2, 29));
    }

    @Test
    void acceptsLowercaseCyrillicAndStoresItInCapitals() {
        assertThat(parse("уб01230515").value()).isEqualTo("УБ01230515");
    }

    @Test
    void ignoresSurroundingSpacesIncludingNoBreakSpaces() {
        assertThat(parse(" \t\u00A0УБ01230515\n ").value()).isEqualTo("УБ01230515");
    }

    @Test
    void acceptsTheMongolianOnlyLettersӨAndҮInBothCases() {
        assertThat(parse("ӨҮ95120324").value()).isEqualTo("ӨҮ95120324");
        assertThat(parse("өү95120324").value()).isEqualTo("ӨҮ95120324");
    }

    @Test
    void acceptsLettersWithDiacriticsTypedAsTwoCodePoints() {
        String decomposedShortI = "И\u0306";

        assertThat(parse(decomposedShortI + "Ё95120324").value()).isEqualTo("ЙЁ95120324");
    }

    @Test
    void treatsDifferentSpellingsOfTheSameNumberAsEqual() {
        assertThat(parse(" уб01230515")).isEqualTo(parse("УБ01230515"));
    }

    @Test
    void derivesMaleFromAnOddSecondToLastDigit() {
        assertThat(parse("УБ01230515").sex()).isEqualTo(Sex.MALE);
        assertThat(parse("УБ01230595").sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void derivesFemaleFromAnEvenSecondToLastDigitIncludingZero() {
        assertThat(parse("УБ01230525").sex()).isEqualTo(Sex.FEMALE);
        assertThat(parse("УБ01230505").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void acceptsAnyLastDigitBecauseTheControlCodeAlgorithmIsNotPublished() {
        for (char last = '0'; last <= '9'; last++) {
            assertThat(RegisterNumber.isValid("УБ0123051" + last, MID_JUNE_2024)).as("last digit %s", last).isTrue();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0\t"})
    void rejectsMissingInputAsBlank(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"УБ0123051", "УБ012305151", "УБ 01230515", "У01230515", "01230515"})
    void rejectsAnythingButTenCharactersAsWrongLength(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AБ01230515", // Latin A, looks like Cyrillic А
        "УB01230515", // Latin B, looks like Cyrillic В
        "ab01230515", // lower-case Latin
        "MO01230515", // both Latin, as typed on an English layout
        "\u019FҮ01230515", // Latin Ɵ, looks like Cyrillic Ө
        "\uFF21Б01230515" // full-width Latin Ａ
    })
    void rejectsLatinLookAlikesWithTheirOwnReason(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.LATIN_LETTERS);
    }

    @Test
    void reportsLatinEvenWhenTheOtherLetterIsAlsoWrong() {
        assertThat(rejectionOf("1A01230515").reason()).isEqualTo(Reason.LATIN_LETTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ЄБ01230515", // Ukrainian Є, typed for Ө on Russian keyboards
        "ЇБ01230515", // Ukrainian Ї, typed for Ү on Russian keyboards
        "ҰБ01230515", // Kazakh Ұ, not in the Mongolian alphabet
        "1201230515", // digits where letters belong
        "-Б01230515"
    })
    void rejectsOtherCharactersInTheLetterPositionsAsLetters(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.LETTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "УБ0123O515", // Latin O for zero
        "УБ0123051Б",
        "УБ0123-515",
        "УБ\uFF101230515" // full-width zero
    })
    void rejectsAnythingButAsciiDigitsAfterTheLetters(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.DIGITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "УБ90001521", // month 00
        "УБ90131521", // month 13
        "УБ90201521", // month 20: neither 19xx nor 20xx
        "УБ05331521", // month 33 = 2005-13
        "УБ90010021", // day 00
        "УБ90013221", // January 32
        "УБ90023021", // February 30
        "УБ90043121", // April 31
        "УБ99022921", // 1999-02-29, not a leap year
        "УБ01222921", // 2001-02-29, not a leap year
        "УБ00022921" // 1900-02-29: 00 with a plain month is 1900, which is not a leap year
    })
    void rejectsImpossibleBirthDates(String raw) {
        assertThat(rejectionOf(raw).reason()).isEqualTo(Reason.BIRTH_DATE);
    }

    @Test
    void acceptsABirthDateOfToday() {
        assertThat(parse("УБ24261521").birthDate()).isEqualTo(LocalDate.of(2024, 6, 15));
    }

    @Test
    void rejectsABirthDateAfterTodayAccordingToTheGivenClock() {
        assertThat(rejectionOf("УБ24261621").reason()).isEqualTo(Reason.FUTURE_BIRTH_DATE);
        assertThat(rejectionOf("УБ30260121").reason()).isEqualTo(Reason.FUTURE_BIRTH_DATE);
    }

    @Test
    void acceptsABirthDateThatHasAlreadyBegunSomewhereOnEarth() {
        // 12:00 UTC on the 14th is 20:00 in Ulaanbaatar, but already the 15th at UTC+14.
        Clock lateOnTheFourteenth = Clock.fixed(Instant.parse("2024-06-14T12:00:00Z"), ZoneId.of("UTC"));

        assertThat(RegisterNumber.parse("УБ24261521", lateOnTheFourteenth).birthDate())
                .isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(rejectionOf("УБ24261621", lateOnTheFourteenth).reason()).isEqualTo(Reason.FUTURE_BIRTH_DATE);
    }

    @Test
    void parseWithoutAClockJudgesTheFutureByTheRealTime() {
        InvalidRegisterNumber rejection =
                catchThrowableOfType(InvalidRegisterNumber.class, () -> RegisterNumber.parse("УБ99321221"));

        assertThat(rejection.reason()).isEqualTo(Reason.FUTURE_BIRTH_DATE);
        assertThat(RegisterNumber.parse("УБ01230515").birthDate()).isEqualTo(LocalDate.of(2001, 3, 5));
    }

    @Test
    void refusesToParseWithoutAClock() {
        assertThatNullPointerException().isThrownBy(() -> RegisterNumber.parse("УБ01230515", null));
    }

    @Test
    void constructorCanonicalizesLikeParse() {
        assertThat(new RegisterNumber(" уб01230515 ")).isEqualTo(parse("УБ01230515"));
    }

    @Test
    void constructorRejectsInvalidValuesSoNoInvalidInstanceCanExist() {
        assertThat(catchThrowableOfType(InvalidRegisterNumber.class, () -> new RegisterNumber(null)).reason())
                .isEqualTo(Reason.BLANK);
        assertThat(catchThrowableOfType(InvalidRegisterNumber.class, () -> new RegisterNumber("AБ01230515")).reason())
                .isEqualTo(Reason.LATIN_LETTERS);
        assertThat(catchThrowableOfType(InvalidRegisterNumber.class, () -> new RegisterNumber("УБ90023021")).reason())
                .isEqualTo(Reason.BIRTH_DATE);
        assertThat(catchThrowableOfType(InvalidRegisterNumber.class, () -> new RegisterNumber("УБ99321221")).reason())
                .isEqualTo(Reason.FUTURE_BIRTH_DATE);
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(RegisterNumber.isValid("уб01230515", MID_JUNE_2024)).isTrue();
        assertThat(RegisterNumber.isValid(null, MID_JUNE_2024)).isFalse();
        assertThat(RegisterNumber.isValid("AБ01230515", MID_JUNE_2024)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasAMessageKeyNamedAfterIt(Reason reason) {
        InvalidRegisterNumber rejection = new InvalidRegisterNumber(reason, "message");

        assertThat(rejection.messageKey()).isEqualTo("registerNumber.invalid." + reason.name().toLowerCase(Locale.ROOT));
    }

    @Test
    void messageKeyUsesTheLowerCaseReason() {
        assertThat(rejectionOf("AБ01230515").messageKey()).isEqualTo("registerNumber.invalid.latin_letters");
        assertThat(rejectionOf("УБ24261621").messageKey()).isEqualTo("registerNumber.invalid.future_birth_date");
    }

    @Test
    void rejectionIsAnIllegalArgumentExceptionWhoseMessageLeavesTheNumberOutOfLogs() {
        InvalidRegisterNumber rejection = rejectionOf("УБ90023021");

        assertThat(rejection).isInstanceOf(IllegalArgumentException.class);
        assertThat(rejection.getMessage()).isNotBlank().doesNotContain("90023021");
    }
}
