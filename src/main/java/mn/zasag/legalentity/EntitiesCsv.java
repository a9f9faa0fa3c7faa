package mn.zasag.legalentity;

import mn.zasag.registry.CsvWriter;
import mn.zasag.registry.PopulationSink;
import mn.zasag.registry.SyntheticPerson;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The legal entities of a synthetic country, derived from the generated persons in the same pass: about
 * one adult in twenty founds an entity (alone, or with the adult generated before them, shares 1, ½ ½ or
 * 0.6/0.4) and is its director; the entity sits where its founder lives. Numbers run from
 * {@value #FIRST_NUMBER} plus a block of 10,000 chosen by the seed (none for the default seed) (so populations of other seeds can share a
 * database), names are unique («Алтан Трейд», «Алтан Трейд 2»…), one in twenty is liquidated.
 * Each person's draws come from a {@code Random} seeded from the seed and the person's index, so the output
 * depends on the seed alone. Every entity is handed to the {@link EntitySink}s (vehicles, property, tax),
 * which give some of them something of their own.
 *
 * <p>CSV (the {@link #COLUMNS}; RFC 4180, UTF-8): founders as {@code register_number:share} separated by
 * {@code ;}, directors as register numbers separated by {@code ;}.
 */
public final class EntitiesCsv implements PopulationSink {

    public static final List<String> COLUMNS = List.of("registration_number", "name_mn", "name_en", "legal_form",
            "status", "address_division", "address_line", "registered_on", "liquidated_on", "founders", "directors");
    public static final int FIRST_NUMBER = 6_000_000;
    private static final long SALT = 0x6C6567616CL;
    private static final String[] ADJ_MN = {"Алтан", "Мөнх", "Хөх", "Их", "Шинэ", "Тэнгэр", "Эрдэнэ", "Говь", "Хангай",
            "Сэлэнгэ", "Номин", "Цагаан", "Улаан", "Оргил", "Од", "Нар", "Саран", "Хүлэг", "Түмэн", "Есөн"};
    private static final String[] ADJ_EN = {"Altan", "Munkh", "Khukh", "Ikh", "Shine", "Tenger", "Erdene", "Govi", "Khangai",
            "Selenge", "Nomin", "Tsagaan", "Ulaan", "Orgil", "Od", "Nar", "Saran", "Khuleg", "Tumen", "Yesun"};
    private static final String[] NOUN_MN = {"Трейд", "Констракшн", "Тех", "Худалдаа", "Групп", "Майнинг", "Агро", "Тур",
            "Финанс", "Логистик", "Медиа", "Сервис", "Дизайн", "Трэвел", "Фүүдс"};
    private static final String[] NOUN_EN = {"Trade", "Construction", "Tech", "Khudaldaa", "Group", "Mining", "Agro", "Tour",
            "Finance", "Logistics", "Media", "Service", "Design", "Travel", "Foods"};

    private final CsvWriter out;
    private final long seed;
    private final LocalDate asOf;
    private final List<EntitySink> sinks;
    private SyntheticPerson previousAdult;
    private long count;
    private final long first;

    public EntitiesCsv(OutputStream stream, long seed, LocalDate asOf, List<? extends EntitySink> sinks) throws IOException {
        this.out = new CsvWriter(stream, COLUMNS);
        this.seed = seed;
        this.asOf = asOf;
        this.sinks = List.copyOf(sinks);
        this.first = Math.floorMod(seed - mn.zasag.registry.PopulationGenerator.DEFAULT_SEED, 300) * 10_000L;
    }

    @Override
    public void accept(SyntheticPerson person) throws IOException {
        if (person.birthDate().plusYears(21).isAfter(asOf)) {
            return;
        }
        Random random = new Random(seed ^ SALT ^ (person.index() * 0x9E3779B97F4A7C15L));
        SyntheticPerson partner = previousAdult;
        previousAdult = person;
        if (random.nextInt(100) >= 5) {
            return;
        }
        long k = first + count++;
        String number = Long.toString(FIRST_NUMBER + k);
        int combos = ADJ_MN.length * NOUN_MN.length;
        String suffix = k >= combos ? " " + (k / combos + 1) : "";
        int adj = (int) (k % ADJ_MN.length);
        int noun = (int) (k / ADJ_MN.length % NOUN_MN.length);
        int formDraw = random.nextInt(100);
        String form = formDraw < 85 ? "ХХК" : formDraw < 95 ? "ТББ" : "ХК";
        LocalDate earliest = person.birthDate().plusYears(21);
        if (partner != null && partner.birthDate().plusYears(21).isAfter(earliest)) {
            earliest = partner.birthDate().plusYears(21);
        }
        if (earliest.isBefore(LocalDate.of(1992, 1, 1))) {
            earliest = LocalDate.of(1992, 1, 1);
        }
        long room = Math.max(1, asOf.toEpochDay() - earliest.toEpochDay() - 1);
        LocalDate registered = earliest.plusDays(Math.floorMod(random.nextLong(), room));
        LocalDate liquidated = null;
        if (random.nextInt(100) < 5 && registered.isBefore(asOf.minusDays(2))) {
            long left = asOf.toEpochDay() - registered.toEpochDay() - 1;
            liquidated = registered.plusDays(1 + Math.floorMod(random.nextLong(), left));
        }
        List<String> founders = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        founders.add(person.registerNumber());
        if (partner != null && random.nextInt(100) < 40) {
            founders.add(partner.registerNumber());
            boolean even = random.nextBoolean();
            shares.add(even ? "0.5" : "0.6");
            shares.add(even ? "0.5" : "0.4");
        } else {
            shares.add("1");
        }
        SyntheticEntity entity = new SyntheticEntity(k, number, ADJ_MN[adj] + " " + NOUN_MN[noun] + suffix,
                ADJ_EN[adj] + " " + NOUN_EN[noun] + suffix, form, liquidated == null ? "ACTIVE" : "LIQUIDATED",
                person.addressDivision(), registered, liquidated, List.copyOf(founders), List.copyOf(shares),
                person.registerNumber());
        write(entity, person.addressLine());
        for (EntitySink sink : sinks) {
            sink.acceptEntity(entity);
        }
    }

    private void write(SyntheticEntity e, String addressLine) throws IOException {
        StringBuilder founders = new StringBuilder();
        for (int i = 0; i < e.founders().size(); i++) {
            founders.append(i == 0 ? "" : ";").append(e.founders().get(i)).append(':').append(e.shares().get(i));
        }
        out.row(e.number(), e.nameMn(), e.nameEn(), e.legalForm(), e.status(), e.addressDivision(), addressLine,
                e.registeredOn(), e.liquidatedOn(), founders, e.director());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
