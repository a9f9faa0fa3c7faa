package mn.zasag.registry.internal;

import java.util.Arrays;

/**
 * What the bulk importer remembers of every row of a persons file, in about 30 bytes a row instead of the
 * row itself: the register number, the ID card number, the spouse and marriage date as numbers, and the
 * row's fate so far. With it the checks against the whole file (a register or ID card number repeated, a
 * marriage whose partner is missing, rejected or names someone else) are made in memory while the file is
 * read once. It takes about 40 bytes a row (125 MB at 3 million persons), whatever the length of the names
 * and addresses.
 *
 * <p>Register numbers are kept in an open-addressing hash table (linear probing, at most 85 % full: it
 * grows by half when needed) with the spouse, marriage date and state of the first row that had the number;
 * rows that repeat a number are rejected and kept aside, as few as they usually are, for telling apart why
 * their partners are rejected. Not thread-safe.
 */
public final class PersonKeys {

    /** States of a register number: the row that has it is (so far) accepted, or rejected for some reason. */
    public static final byte ACCEPTED = 1;
    public static final byte REJECTED = 2;

    private static final String LETTERS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final int RADIX = LETTERS.length();
    private static final long DIGITS = 100_000_000L;

    private long[] keys;
    private long[] spouses;
    private int[] married;
    private byte[] states;
    private int size;

    private long[] civil;
    private int civilSize;

    private long[] repeated = new long[16];
    private long[] repeatedSpouses = new long[16];
    private int[] repeatedMarried = new int[16];
    private int repeatedSize;

    /** Sized for about {@code expectedRows} rows; grows beyond. */
    public PersonKeys(long expectedRows) {
        int capacity = capacityFor(Math.max(16, expectedRows));
        keys = new long[capacity];
        spouses = new long[capacity];
        married = new int[capacity];
        states = new byte[capacity];
        civil = new long[capacity];
    }

    /**
     * A register number as a positive number: its two letters' places in the Mongolian Cyrillic alphabet and
     * its eight digits. Different numbers give different keys; {@link #registerNumber(long)} turns it back.
     *
     * @throws IllegalArgumentException if {@code registerNumber} is not in canonical form
     */
    public static long registerKey(String registerNumber) {
        if (registerNumber.length() != 10) {
            throw new IllegalArgumentException("not a canonical register number");
        }
        int first = LETTERS.indexOf(registerNumber.charAt(0));
        int second = LETTERS.indexOf(registerNumber.charAt(1));
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a canonical register number");
        }
        long digits = 0;
        for (int i = 2; i < 10; i++) {
            char c = registerNumber.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a canonical register number");
            }
            digits = digits * 10 + (c - '0');
        }
        return (first * RADIX + second) * DIGITS + digits + 1;
    }

    /** The register number of a {@link #registerKey(String) key}. */
    public static String registerNumber(long key) {
        long value = key - 1;
        int letters = (int) (value / DIGITS);
        long digits = value % DIGITS;
        StringBuilder text = new StringBuilder(10).append(LETTERS.charAt(letters / RADIX)).append(LETTERS.charAt(letters % RADIX));
        String number = Long.toString(digits);
        text.append("0".repeat(8 - number.length())).append(number);
        return text.toString();
    }

    /**
     * An ID card number (8 to 12 digits) as a positive number; leading zeros count ({@code 01234567} and
     * {@code 1234567} differ).
     *
     * @throws IllegalArgumentException if {@code civilId} is not 8 to 12 digits
     */
    public static long civilKey(String civilId) {
        int length = civilId.length();
        if (length < 8 || length > 12) {
            throw new IllegalArgumentException("not an ID card number");
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = civilId.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ID card number");
            }
            value = value * 10 + (c - '0');
        }
        return length * 1_000_000_000_000L + value;
    }

    /**
     * Remembers a row's register number with its spouse's ({@code 0}: none) and marriage day, as accepted.
     *
     * @return false, remembering nothing in the table, if an earlier row had the same number
     */
    public boolean add(long key, long spouse, int marriedDay) {
        int slot = find(keys, key);
        if (keys[slot] == key) {
            if (repeatedSize == repeated.length) {
                repeated = Arrays.copyOf(repeated, repeatedSize * 2);
                repeatedSpouses = Arrays.copyOf(repeatedSpouses, repeatedSize * 2);
                repeatedMarried = Arrays.copyOf(repeatedMarried, repeatedSize * 2);
            }
            repeated[repeatedSize] = key;
            repeatedSpouses[repeatedSize] = spouse;
            repeatedMarried[repeatedSize++] = marriedDay;
            return false;
        }
        keys[slot] = key;
        spouses[slot] = spouse;
        married[slot] = marriedDay;
        states[slot] = ACCEPTED;
        if (++size > keys.length * 0.85) {
            grow();
        }
        return true;
    }

    /** Sets the state of a register number remembered with {@link #add}. */
    public void state(long key, byte state) {
        int slot = find(keys, key);
        if (keys[slot] != key) {
            throw new IllegalArgumentException("unknown register number");
        }
        states[slot] = state;
    }

    /** The state of a register number, or {@code 0} if no row had it. */
    public byte state(long key) {
        int slot = find(keys, key);
        return keys[slot] == key ? states[slot] : 0;
    }

    /** Whether a register number is still accepted, remembered with this spouse and marriage day. */
    public boolean accepted(long key, long spouse, int marriedDay) {
        int slot = find(keys, key);
        return keys[slot] == key && states[slot] == ACCEPTED && spouses[slot] == spouse && married[slot] == marriedDay;
    }

    /** Remembers an ID card number; false if an earlier row had it. */
    public boolean addCivil(long key) {
        int slot = find(civil, key);
        if (civil[slot] == key) {
            return false;
        }
        civil[slot] = key;
        if (++civilSize > civil.length * 0.85) {
            civil = rehash(civil, capacityFor(civilSize * 3L / 2));
        }
        return true;
    }

    /** Receives, for {@link #checkMarriages}, a register number and what is wrong with its marriage. */
    @FunctionalInterface
    public interface MarriageRejected {
        /** {@code reason}: {@code spouse_rejected}, {@code spouse_mismatch} or {@code spouse_not_in_file}. */
        void rejected(long key, String reason);
    }

    /**
     * Checks every accepted married row against the whole file, as the states stand before this check (so
     * one rejection does not cascade): it is kept only if its partner's row is accepted and names it back
     * with the same date. Otherwise the reason is {@code spouse_rejected} when a row of the partner (accepted
     * or not) does name it back with that date, {@code spouse_mismatch} when the partner has a row that does
     * not, and {@code spouse_not_in_file} when the partner has no row that passed its own checks. Marks each
     * such row {@link #REJECTED} and tells {@code rejected}.
     *
     * @return the number of rows rejected
     */
    public int checkMarriages(MarriageRejected rejected) {
        // decided first, then marked: every decision reads the states from before this check
        long[] found = new long[16];
        String[] reasons = new String[16];
        int count = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (states[slot] != ACCEPTED || spouses[slot] == 0) {
                continue;
            }
            long key = keys[slot];
            long spouse = spouses[slot];
            int day = married[slot];
            int partner = find(keys, spouse);
            boolean present = keys[partner] == spouse;
            boolean namesBack = present && spouses[partner] == key && married[partner] == day;
            if (namesBack && states[partner] == ACCEPTED) {
                continue;
            }
            String reason;
            if (namesBack || repeatedNamesBack(spouse, key, day)) {
                reason = "spouse_rejected";
            } else if (present) {
                reason = "spouse_mismatch";
            } else {
                reason = "spouse_not_in_file";
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
                reasons = Arrays.copyOf(reasons, count * 2);
            }
            found[count] = key;
            reasons[count++] = reason;
        }
        for (int i = 0; i < count; i++) {
            state(found[i], REJECTED);
            rejected.rejected(found[i], reasons[i]);
        }
        return count;
    }

    private boolean repeatedNamesBack(long partner, long key, int day) {
        for (int i = 0; i < repeatedSize; i++) {
            if (repeated[i] == partner && repeatedSpouses[i] == key && repeatedMarried[i] == day) {
                return true;
            }
        }
        return false;
    }

    private void grow() {
        int capacity = capacityFor(size * 3L / 2);
        long[] oldKeys = keys;
        long[] oldSpouses = spouses;
        int[] oldMarried = married;
        byte[] oldStates = states;
        keys = new long[capacity];
        spouses = new long[capacity];
        married = new int[capacity];
        states = new byte[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                spouses[slot] = oldSpouses[i];
                married[slot] = oldMarried[i];
                states[slot] = oldStates[i];
            }
        }
    }

    private static long[] rehash(long[] table, int capacity) {
        long[] next = new long[capacity];
        for (long key : table) {
            if (key != 0) {
                next[find(next, key)] = key;
            }
        }
        return next;
    }

    /** For a table at most 70 % full after {@code rows}; any size (slots are picked by multiplication, not masking). */
    private static int capacityFor(long rows) {
        long capacity = rows * 10 / 7 + 16;
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many rows for one import: " + rows);
        }
        return (int) capacity;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private static int find(long[] table, long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        int slot = (int) (((h >>> 32) * table.length) >>> 32);
        while (table[slot] != 0 && table[slot] != key) {
            if (++slot == table.length) {
                slot = 0;
            }
        }
        return slot;
    }
}
