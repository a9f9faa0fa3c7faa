package mn.zasag.registry.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonKeysTests {

    private static final String LETTERS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";

    private static String randomRegisterNumber(Random random) {
        return "" + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + String.format("%08d", random.nextInt(100_000_000));
    }

    @Test
    void aRegisterNumberIsANumberAndBackAndDifferentNumbersStayDifferent() {
        Random random = new Random(7);
        Map<Long, String> seen = new java.util.HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String rn = randomRegisterNumber(random);
            long key = PersonKeys.registerKey(rn);
            assertThat(key).isPositive();
            assertThat(PersonKeys.registerNumber(key)).isEqualTo(rn);
            String earlier = seen.put(key, rn);
            assertThat(earlier == null || earlier.equals(rn)).as("%s and %s share a key", earlier, rn).isTrue();
        }
        assertThat(PersonKeys.registerNumber(PersonKeys.registerKey("АА00000000"))).isEqualTo("АА00000000");
        assertThat(PersonKeys.registerNumber(PersonKeys.registerKey("ЯЯ99999999"))).isEqualTo("ЯЯ99999999");
        assertThat(PersonKeys.registerKey("ӨҮ12345678")).isNotEqualTo(PersonKeys.registerKey("ҮӨ12345678"));
        for (String bad : List.of("ab12345678", "АБ1234567", "АБ123456789", "AБ12345678", "АБ1234567x", "аБ12345678")) {
            assertThatThrownBy(() -> PersonKeys.registerKey(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anIdCardNumberKeepsItsLeadingZeros() {
        assertThat(PersonKeys.civilKey("012345678")).isNotEqualTo(PersonKeys.civilKey("12345678"));
        assertThat(PersonKeys.civilKey("999999999999")).isNotEqualTo(PersonKeys.civilKey("99999999"));
        assertThat(PersonKeys.civilKey("12345678")).isEqualTo(PersonKeys.civilKey("12345678")).isPositive();
        for (String bad : List.of("1234567", "1234567890123", "1234567a", "")) {
            assertThatThrownBy(() -> PersonKeys.civilKey(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theTablesGrowFarBeyondTheirFirstSizeAndStillFindEveryRepeat() {
        PersonKeys keys = new PersonKeys(10);
        Random random = new Random(11);
        List<Long> added = new ArrayList<>();
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long key = PersonKeys.registerKey(randomRegisterNumber(random));
            boolean fresh = distinct.add(key);
            assertThat(keys.add(key, 0, 0)).isEqualTo(fresh);
            assertThat(keys.addCivil(1_000_000_000_000L * 10 + i)).isTrue();
            added.add(key);
        }
        for (long key : added) {
            assertThat(keys.state(key)).isEqualTo(PersonKeys.ACCEPTED);
            assertThat(keys.add(key, 0, 0)).isFalse();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(keys.addCivil(1_000_000_000_000L * 10 + i)).isFalse();
        }
        assertThat(keys.state(PersonKeys.registerKey("ЯЯ99999999"))).isEqualTo(
                distinct.contains(PersonKeys.registerKey("ЯЯ99999999")) ? PersonKeys.ACCEPTED : (byte) 0);
    }

    private static long k(String registerNumber) {
        return PersonKeys.registerKey(registerNumber);
    }

    @Test
    void marriagesAreCheckedAgainstTheWholeFileWithEachReasonAndWithoutCascading() {
        PersonKeys keys = new PersonKeys(16);
        int day = 14_000;
        // a couple naming each other with the same date: kept
        keys.add(k("АА00000001"), k("АА00000002"), day);
        keys.add(k("АА00000002"), k("АА00000001"), day);
        // the partner names this one back but was rejected for something else: spouse_rejected
        keys.add(k("ББ00000001"), k("ББ00000002"), day);
        keys.add(k("ББ00000002"), k("ББ00000001"), day);
        keys.state(k("ББ00000002"), PersonKeys.REJECTED);
        // the partner gives another date: both are spouse_mismatch
        keys.add(k("ВВ00000001"), k("ВВ00000002"), day);
        keys.add(k("ВВ00000002"), k("ВВ00000001"), day + 1);
        // the partner is not in the file: spouse_not_in_file
        keys.add(k("ГГ00000001"), k("ГГ00000099"), day);
        // the partner's first row names someone else, a repeated row of the partner names this one back: spouse_rejected
        keys.add(k("ДД00000001"), k("ДД00000002"), day);
        keys.add(k("ДД00000002"), k("ДД00000003"), day);
        assertThat(keys.add(k("ДД00000002"), k("ДД00000001"), day)).isFalse();
        keys.add(k("ДД00000003"), 0, 0);
        // a chain: the partner names a third person who is not in the file (spouse_not_in_file), and so does
        // not name this one back (spouse_mismatch)
        keys.add(k("ЕЕ00000001"), k("ЕЕ00000002"), day);
        keys.add(k("ЕЕ00000002"), k("ЕЕ00000003"), day);
        Map<String, String> rejected = new LinkedHashMap<>();

        int count = keys.checkMarriages((key, reason) -> rejected.put(PersonKeys.registerNumber(key), reason));

        assertThat(rejected).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ББ00000001", "spouse_rejected",
                "ВВ00000001", "spouse_mismatch",
                "ВВ00000002", "spouse_mismatch",
                "ГГ00000001", "spouse_not_in_file",
                "ДД00000001", "spouse_rejected",
                "ДД00000002", "spouse_mismatch",
                "ЕЕ00000001", "spouse_mismatch",
                "ЕЕ00000002", "spouse_not_in_file"));
        assertThat(count).isEqualTo(rejected.size());
        assertThat(keys.accepted(k("АА00000001"), k("АА00000002"), day)).isTrue();
        assertThat(keys.accepted(k("АА00000002"), k("АА00000001"), day)).isTrue();
        assertThat(keys.accepted(k("АА00000002"), k("АА00000001"), day + 1)).isFalse();
        assertThat(keys.state(k("ВВ00000001"))).isEqualTo(PersonKeys.REJECTED);
        assertThat(keys.state(k("ДД00000003"))).isEqualTo(PersonKeys.ACCEPTED);
    }
}
