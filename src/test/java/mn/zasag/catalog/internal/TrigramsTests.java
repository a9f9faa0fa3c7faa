package mn.zasag.catalog.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The word similarity the catalogue search ranks by, on pairs whose score can be worked out by hand. */
class TrigramsTests {

    private static double similarity(String query, String text) {
        Trigrams trigrams = new Trigrams();
        int[] encoded = trigrams.encode(text);
        return trigrams.query(query).similarity(encoded);
    }

    @Test
    void padsWordsAsPgTrgmDoes() {
        assertThat(Trigrams.split("cat")).containsExactly("  c", " ca", "cat", "at ");
        assertThat(Trigrams.split(" a, bc ")).containsExactly("  a", " a ", "  b", " bc", "bc ");
        assertThat(Trigrams.split("  ")).isEmpty();
    }

    @Test
    void scoresTheBestStretchOfTheText() {
        // pg_trgm's documented example: 4 of the 5 trigrams of "word" are in the stretch "  w", " wo", "wor", "ord"
        assertThat(similarity("word", "two words")).isCloseTo(0.8, within(1e-9));
        assertThat(similarity("tetgever", "ondor nasni tetgever")).isEqualTo(1.0);
        assertThat(similarity("ondor nasnii tetgever", "ondor nasni tetgever")).isGreaterThan(0.8).isLessThan(1.0);
    }

    @Test
    void aTypoCostsAFewTrigramsNotTheMatch() {
        // "tetgevrr" shares "  t", " te", "tet", "etg", "tge", "gev" with "tetgever"; that stretch scores 6 / (9 + 6 - 6)
        assertThat(similarity("tetgevrr", "tetgever")).isCloseTo(6.0 / 9, within(1e-9));
        assertThat(similarity("qqqxxzzq", "ondor nasni tetgever")).isZero();
    }

    @Test
    void aTextWhoseBoundFallsShortOfWhatIsNeededScoresZeroWithoutItsStretchesBeingSearched() {
        Trigrams trigrams = new Trigrams();
        int[] text = trigrams.encode("tetgever");
        // 6 of the query's 9 trigrams are in the text: no stretch can score above 6 / 9
        assertThat(trigrams.query("tetgevrr").similarity(text, 0.7)).isZero();
        assertThat(trigrams.query("tetgevrr").similarity(text, 0.6)).isCloseTo(6.0 / 9, within(1e-9));
    }

    @Test
    void trigramsTheDictionaryHasNeverSeenCountButMatchNothing() {
        assertThat(similarity("tetgever zzzz", "tetgever")).isCloseTo(9.0 / 13, within(1e-9));
        assertThat(similarity("", "tetgever")).isZero();
    }
}
