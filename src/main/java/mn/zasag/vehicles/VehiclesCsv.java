package mn.zasag.vehicles;

import mn.zasag.legalentity.EntitySink;
import mn.zasag.legalentity.SyntheticEntity;
import mn.zasag.registry.CsvWriter;
import mn.zasag.registry.PopulationGenerator;
import mn.zasag.registry.PopulationSink;
import mn.zasag.registry.SyntheticPerson;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The vehicles of a synthetic country, in the same pass as the persons: about one adult in five and one
 * live entity in three owns a car, registered where its owner is (the plate's region code is the owner's
 * aimag or the capital; the capital's codes are used in turn as their series fill), with a VIN of a
 * Japanese make (no North-American check digit), a registration after both the owner's 18th birthday (or
 * the entity's registration) and the model year, and a last technical inspection within the year before the
 * reference date. Plates start at a series letter and VINs at a block chosen by the seed, so populations of other seeds can share
 * a database. Deterministic by seed (each owner's draws from a {@code Random} seeded from the seed and
 * the owner's index).
 */
public final class VehiclesCsv implements PopulationSink, EntitySink {

    public static final List<String> COLUMNS = List.of("plate", "vin", "make", "model", "year", "colour", "owner_kind",
            "owner_id", "registered_on", "last_inspection", "inspection_valid_until");
    private static final long SALT = 0x766568L;
    private static final String SERIES = "АБВГДЕЖЗИКЛМНОӨПРСТУҮФХЦЧШЭЯ";
    private static final String[][] MODELS = {{"Toyota", "Prius"}, {"Toyota", "Land Cruiser"}, {"Toyota", "Crown"},
            {"Hyundai", "Accent"}, {"Hyundai", "Porter"}, {"Lexus", "RX"}, {"Nissan", "X-Trail"}, {"Toyota", "Camry"}};
    private static final String[] COLOURS = {"Цагаан", "Хар", "Мөнгөлөг", "Саарал", "Улаан", "Цэнхэр", "Ногоон"};

    private final CsvWriter out;
    private final long seed;
    private final LocalDate asOf;
    /** Division code (2 digits) to its plate region codes, in a fixed order. */
    private final Map<String, List<String>> regions = new TreeMap<>();
    private final Map<String, Integer> used = new TreeMap<>();
    private long count;
    private final int firstSeries;

    public VehiclesCsv(OutputStream stream, long seed, LocalDate asOf) throws IOException {
        this.out = new CsvWriter(stream, COLUMNS);
        this.seed = seed;
        this.asOf = asOf;
        this.firstSeries = Math.floorMod(seed - PopulationGenerator.DEFAULT_SEED, SERIES.length());
        new TreeMap<>(PlateNumber.REGIONS).forEach((code, division) -> {
            if (!division.equals("11")) {
                regions.computeIfAbsent(division, d -> new ArrayList<>()).add(code);
            }
        });
        regions.put("11", List.of("УБ", "УН", "УА", "УЕ", "УК")); // the capital's own series, not its districts'
    }

    @Override
    public void accept(SyntheticPerson person) throws IOException {
        LocalDate adult = person.birthDate().plusYears(18);
        if (adult.isAfter(asOf.minusDays(2))) {
            return;
        }
        Random random = new Random(seed ^ SALT ^ (person.index() * 0x9E3779B97F4A7C15L));
        if (random.nextInt(100) < 22) {
            vehicle(random, "PERSON", person.registerNumber(), person.addressDivision(), adult);
        }
    }

    @Override
    public void acceptEntity(SyntheticEntity entity) throws IOException {
        Random random = new Random(seed ^ SALT ^ ~(entity.index() * 0x9E3779B97F4A7C15L));
        if (entity.live() && random.nextInt(100) < 33) {
            vehicle(random, "ENTITY", entity.number(), entity.addressDivision(), entity.registeredOn());
        }
    }

    private void vehicle(Random random, String kind, String owner, String division, LocalDate from) throws IOException {
        List<String> codes = regions.getOrDefault(division.substring(0, 2), regions.get("11"));
        int n = used.merge(codes.get(0), firstSeries * 9_999 + 1, (a, b) -> a + 1) - 1;
        int perCode = 9_999 * SERIES.length();
        if (n >= perCode * codes.size()) {
            return; // every plate of the region is taken: this owner has no car
        }
        String plate = String.format("%04d", n % 9_999 + 1) + codes.get(n / perCode) + SERIES.charAt(n / 9_999 % SERIES.length());
        String vin = String.format("JTDKB20U%09d", Math.floorMod(seed - PopulationGenerator.DEFAULT_SEED, 1000) * 1_000_000L + count++);
        String[] model = MODELS[random.nextInt(MODELS.length)];
        int year = 2000 + random.nextInt(asOf.getYear() - 2000);
        LocalDate made = LocalDate.of(year, 1, 1);
        LocalDate earliest = from.isAfter(made) ? from : made;
        long room = Math.max(1, asOf.toEpochDay() - earliest.toEpochDay() - 1);
        LocalDate registered = earliest.plusDays(Math.floorMod(random.nextLong(), room));
        LocalDate inspected = asOf.minusDays(1 + random.nextInt(365));
        if (inspected.isBefore(registered)) {
            inspected = registered;
        }
        out.row(plate, vin, model[0], model[1], year, COLOURS[random.nextInt(COLOURS.length)], kind, owner, registered,
                inspected, inspected.plusYears(1));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
