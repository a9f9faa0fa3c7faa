package mn.zasag.property;

import mn.zasag.legalentity.EntitySink;
import mn.zasag.legalentity.SyntheticEntity;
import mn.zasag.registry.CsvWriter;
import mn.zasag.registry.PopulationSink;
import mn.zasag.registry.SyntheticPerson;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The property rights of a synthetic country, in the same pass as the persons: a married couple owns a
 * home in equal shares in four cases of ten (written when the first partner is seen, the spouse being
 * generated right after), about one single adult in six owns one alone, and one live entity in four owns
 * an office or shop. Homes are flats in the capital and detached houses elsewhere, at the owner's address.
 * Certificates are numbered {@code Ү-9000000000} on, plus a block of a million chosen by the seed. Deterministic by seed.
 *
 * <p>CSV (the {@link #COLUMNS}): owners as {@code P:<register number>:<share>} or
 * {@code E:<registration number>:<share>}, separated by {@code ;}.
 */
public final class PropertyCsv implements PopulationSink, EntitySink {

    public static final List<String> COLUMNS = List.of("certificate_number", "address_division", "address_line", "area",
            "purpose", "registered_on", "owners");
    private static final long SALT = 0x70726F70L;

    private final CsvWriter out;
    private final long seed;
    private final LocalDate asOf;
    private String spouseOfPrevious;
    private long count;

    public PropertyCsv(OutputStream stream, long seed, LocalDate asOf) throws IOException {
        this.out = new CsvWriter(stream, COLUMNS);
        this.seed = seed;
        this.asOf = asOf;
    }

    @Override
    public void accept(SyntheticPerson person) throws IOException {
        boolean secondPartner = person.registerNumber().equals(spouseOfPrevious);
        spouseOfPrevious = person.spouse();
        LocalDate adult = person.birthDate().plusYears(20);
        if (secondPartner || adult.isAfter(asOf.minusDays(2))) {
            return;
        }
        Random random = new Random(seed ^ SALT ^ (person.index() * 0x9E3779B97F4A7C15L));
        String owners;
        LocalDate from;
        if (person.spouse() != null) {
            if (random.nextInt(100) >= 40) {
                return;
            }
            owners = "P:" + person.registerNumber() + ":0.5;P:" + person.spouse() + ":0.5";
            from = person.marriageDate();
        } else {
            if (random.nextInt(100) >= 16) {
                return;
            }
            owners = "P:" + person.registerNumber() + ":1";
            from = adult;
        }
        boolean capital = person.addressDivision().startsWith("11");
        property(random, person.addressDivision(), person.addressLine(), capital ? 30 + random.nextInt(90) : 40 + random.nextInt(80),
                capital ? "RESIDENTIAL" : "HOUSE", from, owners);
    }

    @Override
    public void acceptEntity(SyntheticEntity entity) throws IOException {
        Random random = new Random(seed ^ SALT ^ ~(entity.index() * 0x9E3779B97F4A7C15L));
        if (entity.live() && random.nextInt(100) < 25) {
            property(random, entity.addressDivision(), null, 50 + random.nextInt(400),
                    random.nextBoolean() ? "OFFICE" : "COMMERCIAL", entity.registeredOn(), "E:" + entity.number() + ":1");
        }
    }

    private void property(Random random, String division, String line, int area, String purpose, LocalDate from,
                          String owners) throws IOException {
        long room = Math.max(1, asOf.toEpochDay() - from.toEpochDay() - 1);
        LocalDate registered = from.plusDays(Math.floorMod(random.nextLong(), room));
        String number = "Ү-" + (9_000_000_000L + Math.floorMod(seed - mn.zasag.registry.PopulationGenerator.DEFAULT_SEED, 1000) * 1_000_000L + count++);
        out.row(number, division, line, area + "." + random.nextInt(10), purpose, registered, owners);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
