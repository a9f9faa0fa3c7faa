package mn.zasag.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trigram word similarity over folded keys ({@link Transliteration#fold}), the measure pg_trgm calls
 * {@code word_similarity}: how well the query's trigrams match the best contiguous stretch of a text's trigrams.
 *
 * <p>Words are runs of letters and digits; each is padded as pg_trgm pads them (two spaces before, one after), so
 * {@code "cat"} has the trigrams {@code "  c", " ca", "cat", "at "}. For a query with the set Q of {@code n} distinct
 * trigrams and a stretch of the text holding {@code u} distinct trigrams of which {@code c} are in Q, the stretch
 * scores {@code c / (n + u - c)}; the text scores its best stretch. A query that is a whole word of the text scores 1;
 * a typo costs the few trigrams it touches. Unlike pg_trgm, which finds the best stretch greedily, this tries every
 * stretch that starts and ends on a trigram of Q (the best one always does), so a score here is never below
 * pg_trgm's for the same pair.
 *
 * <p>Texts are turned once into arrays of trigram numbers from a dictionary (the catalogue is small and read-mostly),
 * so a search compares integers and allocates two arrays, not strings.
 */
final class Trigrams {

    private final Map<String, Integer> ids = new HashMap<>();

    /** The text's trigrams in order, numbered in this dictionary (new trigrams get new numbers). */
    int[] encode(String foldedText) {
        List<String> trigrams = split(foldedText);
        int[] encoded = new int[trigrams.size()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = ids.computeIfAbsent(trigrams.get(i), t -> ids.size());
        }
        return encoded;
    }

    int size() {
        return ids.size();
    }

    /** A query against the texts encoded so far; its trigrams unknown to the dictionary count, but match nothing. */
    Query query(String foldedQuery) {
        boolean[] wanted = new boolean[ids.size()];
        int distinct = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String trigram : split(foldedQuery)) {
            if (seen.add(trigram)) {
                distinct++;
                Integer id = ids.get(trigram);
                if (id != null) {
                    wanted[id] = true;
                }
            }
        }
        return new Query(wanted, distinct, new int[ids.size()]);
    }

    static List<String> split(String folded) {
        List<String> trigrams = new ArrayList<>();
        int i = 0;
        int length = folded.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i > start) {
                String padded = "  " + folded.substring(start, i) + " ";
                for (int k = 0; k + 3 <= padded.length(); k++) {
                    trigrams.add(padded.substring(k, k + 3));
                }
            }
        }
        return trigrams;
    }

    /** One query's trigrams; not thread-safe (one per search). */
    static final class Query {
        private final boolean[] wanted;
        private final int distinct;
        /** Per trigram, the stretch (by its start) that last counted it: saves clearing a set per stretch. */
        private final int[] countedIn;
        private int stretch;

        private Query(boolean[] wanted, int distinct, int[] countedIn) {
            this.wanted = wanted;
            this.distinct = distinct;
            this.countedIn = countedIn;
        }

        boolean isEmpty() {
            return distinct == 0;
        }

        private int present(int[] text) {
            stretch++;
            int present = 0;
            for (int id : text) {
                if (wanted[id] && countedIn[id] != stretch) {
                    countedIn[id] = stretch;
                    present++;
                }
            }
            return present;
        }

        /** The best stretch's score in 0..1 (0 when the query has no trigram). */
        double similarity(int[] text) {
            return similarity(text, 0);
        }

        /**
         * The best stretch's score, or 0 when it cannot reach {@code atLeast}. No stretch holds more of the query than
         * the whole text, so the share of the query's trigrams found anywhere in it bounds the score: one pass settles
         * most texts, and only the others are searched stretch by stretch.
         */
        double similarity(int[] text, double atLeast) {
            if (distinct == 0) {
                return 0;
            }
            int present = present(text);
            if (present == 0) {
                return 0;
            }
            double bound = (double) present / distinct;
            if (bound < atLeast) {
                return 0;
            }
            double best = 0;
            for (int start = 0; start < text.length && best < bound; start++) {
                if (!wanted[text[start]]) {
                    continue;
                }
                stretch++;
                int common = 0;
                int unique = 0;
                for (int end = start; end < text.length; end++) {
                    int id = text[end];
                    if (countedIn[id] != stretch) {
                        countedIn[id] = stretch;
                        unique++;
                        if (wanted[id]) {
                            common++;
                        }
                    }
                    if (wanted[id]) {
                        best = Math.max(best, (double) common / (distinct + unique - common));
                    }
                    // a longer stretch gains at most the query's trigrams not yet in this one, and never loses the
                    // trigrams it has already paid for: when even all of them could not beat the best, stop
                    if ((double) present / (distinct + unique - common) <= best) {
                        break;
                    }
                }
            }
            return best;
        }
    }
}
