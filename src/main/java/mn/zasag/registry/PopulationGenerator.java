package mn.zasag.registry;

import mn.zasag.shared.RegisterNumber.Sex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A synthetic population of Mongolia for tests, demos and benchmarks: the same seed (and reference date)
 * always gives the same people, in one streaming pass whose memory does not grow with the population.
 *
 * <ul>
 *   <li><b>Names</b>: a clan name (ovog), the father's given name as family name, and a given name of the
 *       person's sex, drawn from lists of common Mongolian names in Cyrillic.
 *   <li><b>Register numbers</b>: two Cyrillic letters, the birth date as YYMMDD (month + 20 from 2000), a
 *       sex digit of the right parity and a last digit. Unique by construction: the n-th person born on a
 *       day with a given sex gets the n-th value of a fixed permutation of the 28 × 28 × 5 × 10 = 39,200
 *       letter/digit combinations left for that day and sex; only a small table of counters per day is kept.
 *   <li><b>Ages</b>: five-year age groups weighted like Mongolia's 2020 census pyramid (a young population:
 *       about 30 % under 15, under 5 % over 65). Source: National Statistics Office of Mongolia, «2020
 *       Population and Housing Census of Mongolia: National Report», population by age group (shares rounded
 *       to 0.1 %; see {@link #AGE_GROUP_SHARES}).
 *   <li><b>Addresses</b>: the capital holds about 46 % of the people (its districts weighted by their
 *       population), the rest are spread over the 21 aimags by population, all from the same census report
 *       (rounded to thousands, see {@link #AIMAG_THOUSANDS}); the address is a khoroo in the capital and a
 *       soum elsewhere (soums of an aimag equally likely: the report's soum figures are not transcribed).
 *   <li><b>Marriages</b>: about half of the adults over 22 are generated as couples (a man and a woman of
 *       similar age, married after both turned 18 and before the reference date), written next to each other.
 * </ul>
 *
 * <p><b>Caveat on the figures</b>: they are rounded approximations of that report's tables, written from
 * general knowledge of them and <em>not yet checked table by table</em> against the published report (or
 * 1212.mn); they make the data look like the country, they are not statistics. Check and correct them
 * before relying on the shape of the generated population.
 */
public final class PopulationGenerator {

    /** The reference date ages are counted from; fixed so that the output does not depend on the day it is run. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);
    public static final long DEFAULT_SEED = 20261127L;

    static final String LETTERS = "АБВГДЕЖЗИКЛМНОӨПРСТУҮФХЦЧШЭЯ";
    private static final int PER_DAY_AND_SEX = LETTERS.length() * LETTERS.length() * 5 * 10;
    private static final int STRIDE = 7919; // prime, coprime with 39,200: n -> n * STRIDE + offset is a permutation

    /** Share (per mille) of the 5-year age groups 0-4, 5-9, …, 95-99 (2020 census, rounded). */
    static final int[] AGE_GROUP_SHARES = {108, 103, 86, 70, 69, 77, 84, 80, 66, 59, 53, 45, 36, 24, 16, 11, 7, 3, 1, 1};

    /** Population of the capital and the aimags in thousands (2020 census, rounded), by division code. */
    static final Map<String, Integer> AIMAG_THOUSANDS = Map.ofEntries(
            Map.entry("11", 1500), Map.entry("21", 82), Map.entry("22", 63), Map.entry("23", 79), Map.entry("41", 96),
            Map.entry("42", 18), Map.entry("43", 109), Map.entry("44", 73), Map.entry("45", 107), Map.entry("46", 71),
            Map.entry("48", 46), Map.entry("61", 109), Map.entry("62", 117), Map.entry("63", 63), Map.entry("64", 88),
            Map.entry("65", 94), Map.entry("67", 136), Map.entry("81", 72), Map.entry("82", 57), Map.entry("83", 109),
            Map.entry("84", 89), Map.entry("85", 83));

    /** Population of the capital's districts in thousands (2020 census, rounded), by division code. */
    static final Map<String, Integer> DISTRICT_THOUSANDS = Map.of("1116", 390, "1110", 360, "1107", 225, "1122", 210,
            "1125", 150, "1119", 140, "1113", 40, "1101", 29, "1104", 5);

    static final List<String> MALE = List.of("Бат-Эрдэнэ", "Ганбаатар", "Батбаяр", "Энхбаяр", "Төмөрбаатар", "Мөнхбат",
            "Очирбат", "Ганзориг", "Баярсайхан", "Сүхбаатар", "Тэмүүлэн", "Эрдэнэбат", "Баатархүү", "Жаргалсайхан",
            "Цогтбаяр", "Наранбаатар", "Дашдорж", "Гантулга", "Билгүүн", "Тэмүүжин", "Мөнх-Очир", "Ганбат", "Батсүх",
            "Энхтөр", "Амарсанаа", "Батжаргал", "Лхагвасүрэн", "Ариунболд", "Мөнх-Эрдэнэ", "Өлзийбаяр", "Хүрэлбаатар",
            "Алтангэрэл", "Нямдорж", "Одбаяр", "Пүрэвдорж", "Сэргэлэн", "Түвшинбаяр", "Ундрах", "Хишигбаяр", "Цэвээн",
            "Чинбат", "Шинэбаяр", "Эрдэнэсүх", "Ялалт", "Дөлгөөн", "Батхуяг", "Ганхуяг", "Тэнгис", "Содбилэг", "Мягмарсүрэн");
    static final List<String> FEMALE = List.of("Оюунчимэг", "Сарангэрэл", "Энхтуяа", "Цэцэг", "Нарантуяа", "Отгонбаяр",
            "Мөнхзул", "Ариунаа", "Болормаа", "Хонгорзул", "Сувд", "Уранчимэг", "Гэрэлмаа", "Солонго", "Номин", "Анужин",
            "Мишээл", "Түвшинжаргал", "Оюун-Эрдэнэ", "Навчаа", "Цэнгэл", "Сарнай", "Алтанцэцэг", "Батцэцэг", "Энхжаргал",
            "Мөнхцэцэг", "Ундармаа", "Дэлгэрмаа", "Ганчимэг", "Бүрэнжаргал", "Хулан", "Эгшиглэн", "Нандин-Эрдэнэ",
            "Марал", "Тэмүүлэн", "Одонтуяа", "Жавзандулам", "Лхамсүрэн", "Пүрэвсүрэн", "Сэлэнгэ", "Төгсжаргал",
            "Уянга", "Хишигмаа", "Цолмон", "Чимэгмаа", "Шүрэн", "Эрдэнэчимэг", "Ялгуун", "Азжаргал", "Мөнхтуул");
    static final List<String> CLANS = List.of("Боржигон", "Хиад", "Тайчууд", "Халх", "Олхонуд", "Уриангхай", "Захчин",
            "Дөрвөд", "Сартуул", "Хорчин", "Баяд", "Торгууд", "Өөлд", "Хотгойд", "Дарьганга", "Барга", "Буриад", "Зайсан",
            "Цагаан сүргийнхэн", "Их Уйгар", "Хонгирад", "Жалайр", "Бэсүд", "Ач", "Шарнууд", "Тугчин", "Хатгин",
            "Хасаг", "Мэргэд", "Хэрэйд");
    private static final String[] MOBILE_PREFIXES = {"88", "99", "95", "94", "91", "80", "85", "86", "89", "96"};

    private final long seed;
    private final LocalDate asOf;
    private final Weighted<String> capitalKhoroos;
    private final Weighted<String> countrySoums;
    private final Weighted<String> places;

    public PopulationGenerator() {
        this(DEFAULT_SEED, DEFAULT_AS_OF);
    }

    public PopulationGenerator(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
        Map<String, List<String>> children = readDivisions();
        capitalKhoroos = new Weighted<>();
        for (var district : DISTRICT_THOUSANDS.entrySet()) {
            List<String> khoroos = children.getOrDefault(district.getKey(), List.of(district.getKey()));
            for (String khoroo : khoroos) {
                capitalKhoroos.add(khoroo, (double) district.getValue() / khoroos.size());
            }
        }
        countrySoums = new Weighted<>();
        for (var aimag : AIMAG_THOUSANDS.entrySet()) {
            if (!aimag.getKey().equals("11")) {
                List<String> soums = children.getOrDefault(aimag.getKey(), List.of(aimag.getKey()));
                for (String soum : soums) {
                    countrySoums.add(soum, (double) aimag.getValue() / soums.size());
                }
            }
        }
        places = new Weighted<>();
        DISTRICT_THOUSANDS.forEach((code, weight) -> places.add(code, weight));
        for (var aimag : AIMAG_THOUSANDS.entrySet()) {
            if (!aimag.getKey().equals("11")) {
                List<String> soums = children.getOrDefault(aimag.getKey(), List.of(aimag.getKey()));
                soums.forEach(s -> places.add(s, (double) aimag.getValue() / soums.size()));
            }
        }
    }

    /** Makes the other registries' sinks for a persons file (legal entities, vehicles, …) — see {@code demo.SyntheticCountry}. */
    @FunctionalInterface
    public interface OtherRegistries {
        List<PopulationSink> sinks(java.nio.file.Path personsCsv, long seed, LocalDate asOf) throws IOException;
    }

    /**
     * The command line: {@code --generate-persons=<count> [--out=persons.csv] [--seed=<n>] [--registries=true]}
     * writes that many people to the file (UTF-8 CSV) and returns true, without starting the platform; with
     * {@code --registries=true} the other registries' files too, beside it ({@code persons.entities.csv}, …,
     * see {@link PersonImporter#registryFileFor}); any other arguments return false.
     */
    public static boolean command(String[] args, OtherRegistries others) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (!options.containsKey("generate-persons")) {
            return false;
        }
        long count = Long.parseLong(options.get("generate-persons").replace("_", ""));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(DEFAULT_SEED)));
        java.nio.file.Path out = java.nio.file.Path.of(options.getOrDefault("out", "persons.csv"));
        boolean registries = Boolean.parseBoolean(options.getOrDefault("registries", "false"));
        long start = System.nanoTime();
        List<PopulationSink> sinks = new ArrayList<>();
        sinks.add(new PersonsCsv(java.nio.file.Files.newOutputStream(out)));
        if (registries) {
            sinks.addAll(others.sinks(out, seed, DEFAULT_AS_OF));
        }
        new PopulationGenerator(seed, DEFAULT_AS_OF).generate(count, sinks);
        System.out.printf("Wrote %d persons (seed %d) to %s%s in %.1f s%n", count, seed, out.toAbsolutePath(),
                registries ? " with the other registries' files beside it" : "", (System.nanoTime() - start) / 1e9);
        return true;
    }

    /** Streams {@code count} people to every sink, then closes them. */
    public void generate(long count, List<? extends PopulationSink> sinks) throws IOException {
        try {
            Iterator<SyntheticPerson> people = people(count);
            while (people.hasNext()) {
                SyntheticPerson p = people.next();
                for (PopulationSink sink : sinks) {
                    sink.accept(p);
                }
            }
        } finally {
            for (PopulationSink sink : sinks) {
                sink.close();
            }
        }
    }

    /** The first {@code count} people of this seed, lazily. */
    public Iterator<SyntheticPerson> people(long count) {
        return new Iterator<>() {
            private final Random random = new Random(seed);
            private final int[] counters = new int[2 * 40_000];
            private final LocalDate firstDay = asOf.minusYears(100).minusDays(1);
            private long next;
            private SyntheticPerson pending;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public SyntheticPerson next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long index = next++;
                if (pending != null) {
                    SyntheticPerson spouse = pending;
                    pending = null;
                    return spouse;
                }
                Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                LocalDate birth = birthDate(random.nextInt(1000));
                SyntheticPerson person = person(index, sex, birth);
                int age = age(birth);
                if (age >= 22 && index + 1 < count && random.nextInt(100) < (age < 30 ? 25 : 40)) {
                    LocalDate spouseBirth = birth.plusDays((sex == Sex.MALE ? 1 : -1) * random.nextInt(5 * 365));
                    if (age(spouseBirth) < 20) {
                        spouseBirth = asOf.minusYears(20).minusDays(1 + random.nextInt(300));
                    } else if (age(spouseBirth) > 99) {
                        spouseBirth = birth;
                    }
                    SyntheticPerson spouse = person(index + 1, sex == Sex.MALE ? Sex.FEMALE : Sex.MALE, spouseBirth);
                    LocalDate adult = later(birth, spouseBirth).plusYears(18);
                    long room = asOf.toEpochDay() - 1 - adult.toEpochDay();
                    LocalDate married = adult.plusDays(Math.floorMod(random.nextLong(), Math.min(room, 15L * 365)) + 1);
                    if (married.isAfter(asOf.minusDays(1))) {
                        married = asOf.minusDays(1);
                    }
                    pending = spouse.marriedTo(person.registerNumber(), married);
                    person = person.marriedTo(spouse.registerNumber(), married);
                }
                return person;
            }

            private LocalDate birthDate(int perMille) {
                int group = 0;
                int sum = AGE_GROUP_SHARES[0];
                while (sum <= perMille && group < AGE_GROUP_SHARES.length - 1) {
                    sum += AGE_GROUP_SHARES[++group];
                }
                int days = group * 5 * 365 + random.nextInt(5 * 365);
                return asOf.minusDays(1 + days);
            }

            private SyntheticPerson person(long index, Sex sex, LocalDate birth) {
                boolean capital = random.nextInt(1000) < 1000 * capitalShare();
                String address = capital ? capitalKhoroos.pick(random) : countrySoums.pick(random);
                String birthPlace = random.nextInt(100) < 55 ? address.substring(0, 4) : places.pick(random);
                String line = capital
                        ? (1 + random.nextInt(120)) + "-р байр, " + (1 + random.nextInt(90)) + " тоот"
                        : (1 + random.nextInt(9)) + "-р баг";
                String given = (sex == Sex.MALE ? MALE : FEMALE).get(random.nextInt(50));
                String family = MALE.get(random.nextInt(MALE.size()));
                String clan = CLANS.get(random.nextInt(CLANS.size()));
                String phone = age(birth) >= 14 && random.nextInt(100) < 80
                        ? "+976" + MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                          + String.format("%06d", random.nextInt(1_000_000)) : null;
                // a block of ten million ID card numbers per seed (the default seed's block first), so that
                // populations of other seeds can share a database
                String civilId = age(birth) >= 16
                        ? Long.toString(2_000_000_000L + Math.floorMod(seed - DEFAULT_SEED, 100) * 10_000_000L + index) : null;
                return new SyntheticPerson(index, registerNumber(birth, sex), civilId, clan, family, given, sex, birth,
                        birthPlace, "MNG", address, line, phone, null, null);
            }

            private String registerNumber(LocalDate birth, Sex sex) {
                int day = (int) (birth.toEpochDay() - firstDay.toEpochDay());
                int slot = day * 2 + (sex == Sex.MALE ? 1 : 0);
                int n = counters[slot]++;
                if (n >= PER_DAY_AND_SEX) {
                    throw new IllegalStateException("more than " + PER_DAY_AND_SEX + " people born on " + birth);
                }
                int k = (int) ((n * (long) STRIDE + Math.floorMod(day * 131L + seed, PER_DAY_AND_SEX)) % PER_DAY_AND_SEX);
                int pair = k / 50;
                int rest = k % 50;
                int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
                int sexDigit = (rest / 10) * 2 + (sex == Sex.MALE ? 1 : 0);
                return new StringBuilder(10).append(LETTERS.charAt(pair / LETTERS.length()))
                        .append(LETTERS.charAt(pair % LETTERS.length()))
                        .append(two(birth.getYear() % 100)).append(two(month)).append(two(birth.getDayOfMonth()))
                        .append(sexDigit).append(rest % 10).toString();
            }
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static double capitalShare() {
        int total = AIMAG_THOUSANDS.values().stream().mapToInt(Integer::intValue).sum();
        return AIMAG_THOUSANDS.get("11") / (double) total;
    }

    private int age(LocalDate birth) {
        return birth.until(asOf).getYears();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Codes of each division's children, from the same data file the registry loads. */
    private static Map<String, List<String>> readDivisions() {
        Map<String, List<String>> children = new LinkedHashMap<>();
        try (InputStream in = PopulationGenerator.class.getClassLoader().getResourceAsStream("registry/divisions.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank() || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (!f[1].isEmpty()) {
                    children.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return children;
    }

    /** Picks items with probability proportional to their weight (binary search over cumulative weights). */
    private static final class Weighted<T> {
        private final List<T> items = new ArrayList<>();
        private double[] cumulative = new double[16];
        private double total;

        void add(T item, double weight) {
            if (items.size() == cumulative.length) {
                cumulative = java.util.Arrays.copyOf(cumulative, cumulative.length * 2);
            }
            total += weight;
            cumulative[items.size()] = total;
            items.add(item);
        }

        T pick(Random random) {
            double r = random.nextDouble() * total;
            int i = java.util.Arrays.binarySearch(cumulative, 0, items.size(), r);
            return items.get(Math.min(i < 0 ? -i - 1 : i + 1, items.size() - 1));
        }
    }
}
