package mn.zasag.tax;

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
 * The tax accounts of a synthetic country, in the same pass as the persons: a bit over half of the adults
 * and every live entity are taxpayers at the tax office of where they live or sit (the capital's district,
 * else the soum), each with last year's income tax assessed and mostly paid: in about one account of eight
 * some or all of it is still owed, so "no tax debt" statements come out both ways. Deterministic by seed.
 */
public final class TaxCsv implements PopulationSink, EntitySink {

    public static final List<String> COLUMNS = List.of("taxpayer_id", "kind", "office", "registered_on", "tax_type",
            "assessed", "assessed_on", "paid", "paid_on");
    private static final long SALT = 0x746178L;

    private final CsvWriter out;
    private final long seed;
    private final LocalDate asOf;

    public TaxCsv(OutputStream stream, long seed, LocalDate asOf) throws IOException {
        this.out = new CsvWriter(stream, COLUMNS);
        this.seed = seed;
        this.asOf = asOf;
    }

    @Override
    public void accept(SyntheticPerson person) throws IOException {
        LocalDate adult = person.birthDate().plusYears(18);
        if (adult.isAfter(asOf.minusYears(1))) {
            return;
        }
        Random random = new Random(seed ^ SALT ^ (person.index() * 0x9E3779B97F4A7C15L));
        if (random.nextInt(100) < 55) {
            account(random, person.registerNumber(), "PERSON", person.addressDivision(), adult, TaxType.PERSONAL_INCOME,
                    200_000 + random.nextInt(2_800_000));
        }
    }

    @Override
    public void acceptEntity(SyntheticEntity entity) throws IOException {
        Random random = new Random(seed ^ SALT ^ ~(entity.index() * 0x9E3779B97F4A7C15L));
        if (entity.live() && entity.registeredOn().isBefore(asOf.minusYears(1))) {
            account(random, entity.number(), "ENTITY", entity.addressDivision(), entity.registeredOn(),
                    TaxType.CORPORATE_INCOME, 1_000_000 + random.nextInt(49_000_000));
        }
    }

    private void account(Random random, String id, String kind, String division, LocalDate from, TaxType type,
                         long assessed) throws IOException {
        String office = division.length() > 4 ? division.substring(0, 4) : division;
        long room = Math.max(1, asOf.minusYears(1).toEpochDay() - from.toEpochDay());
        LocalDate registered = from.plusDays(Math.floorMod(random.nextLong(), room));
        LocalDate assessedOn = LocalDate.of(asOf.getYear() - 1, 2, 10).plusDays(random.nextInt(30));
        if (assessedOn.isBefore(registered)) {
            assessedOn = registered;
        }
        int draw = random.nextInt(100);
        long paid = draw < 88 ? assessed : draw < 95 ? assessed / 2 : 0;
        LocalDate paidOn = paid == 0 ? null : assessedOn.plusDays(1 + random.nextInt(60));
        out.row(id, kind, office, registered, type, assessed, assessedOn, paid == 0 ? null : paid, paidOn);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
