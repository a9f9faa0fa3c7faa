package mn.zasag.demo;

import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Division;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A small, deterministic population for the civil registry: the demo citizen and a few hundred people with
 * common Mongolian names, valid register numbers, addresses across the country and some marriages. The
 * same seed gives the same people on every fresh database.
 */
@Component
class DemoPopulation {

    static final int SIZE = 300;
    static final String DEMO_CITIZEN = "УБ90052114";
    private static final String LEGAL_BASIS = "Туршилтын өгөгдөл (demo data)";
    private static final String LETTERS = "АБВГДЕЖЗИКЛМНОӨПРСТУҮФХЦЧШЭЯ";
    private static final List<String> MALE = List.of("Бат-Эрдэнэ", "Ганбаатар", "Батбаяр", "Энхбаяр", "Төмөрбаатар",
            "Болд", "Мөнхбат", "Очирбат", "Ганзориг", "Баярсайхан", "Сүхбаат", "Тэмүүлэн", "Эрдэнэбат", "Баатархүү",
            "Жаргалсайхан", "Цогтбаяр", "Наранбаатар", "Дашдорж", "Гантулга", "Билгүүн", "Тэмүүжин", "Мөнх-Очир");
    private static final List<String> FEMALE = List.of("Оюунчимэг", "Сарангэрэл", "Энхтуяа", "Цэцэг", "Нарантуяа",
            "Отгонбаяр", "Мөнхзул", "Ариунаа", "Болормаа", "Хонгорзул", "Сувд", "Уранчимэг", "Гэрэлмаа", "Солонго",
            "Номин", "Анужин", "Дөлгөөн", "Мишээл", "Түвшинжаргал", "Оюун-Эрдэнэ", "Навчаа", "Цэнгэл");
    private static final List<String> FATHERS = List.of("Батболд", "Дорж", "Ганбат", "Нямдорж", "Пүрэв", "Лхагва",
            "Баасан", "Сүх", "Жамбал", "Цэрэн", "Даваа", "Мягмар", "Ням", "Бямба", "Гомбо", "Хүрэлбаатар",
            "Энхболд", "Алтангэрэл", "Батсүх", "Одхүү", "Шагдар", "Тогтох");
    private static final List<String> CLANS = List.of("Боржигон", "Хиад", "Тайчууд", "Халх", "Олхонуд", "Баруун",
            "Зүүн", "Уриангхай", "Захчин", "Дөрвөд", "Сартуул", "Хорчин");

    private final CivilRegistry registry;
    private final Divisions divisions;
    private final Clock clock;

    DemoPopulation(CivilRegistry registry, Divisions divisions, Clock clock) {
        this.registry = registry;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** The registrar the demo data is recorded by: a system actor of the registration authority. */
    private static final Actor SEEDER = new Actor() {
        @Override
        public Long accountId() {
            return null;
        }

        @Override
        public String login() {
            return "demo";
        }

        @Override
        public String agencyCode() {
            return CivilRegistry.OWNER_AGENCY;
        }
    };

    /** Seeds the population; returns the people besides the demo citizen, for the other registries' demo data. */
    List<Person> seed() {
        Random random = new Random(20261127L);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ulaanbaatar")));
        List<String> capital = divisions.children("11").stream().map(Division::code).toList();
        List<String> soums = divisions.all().stream().filter(d -> "soum".equals(d.level()))
                .map(Division::code).toList();

        Person citizen = registry.register(new NewPerson(RegisterNumber.parse(DEMO_CITIZEN, clock), "100000001",
                "Боржигон", "Болд", "Бат-Эрдэнэ", Sex.MALE, LocalDate.of(1990, 5, 21), "6501", "MNG", "1110",
                "13-р хороо, 5-р байр, 12 тоот", "+97699112233", LEGAL_BASIS), SEEDER);

        Set<String> used = new HashSet<>(Set.of(DEMO_CITIZEN));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(80 * 365));
            if (birth.isAfter(today)) {
                birth = today.minusYears(1);
            }
            String rn;
            do {
                rn = registerNumber(random, birth, sex);
            } while (!used.add(rn));
            boolean inCapital = random.nextInt(100) < 48;
            String address = inCapital ? capital.get(random.nextInt(capital.size())) : soums.get(random.nextInt(soums.size()));
            String birthPlace = random.nextInt(100) < 40 ? capital.get(random.nextInt(capital.size())) : soums.get(random.nextInt(soums.size()));
            List<String> names = sex == Sex.MALE ? MALE : FEMALE;
            String given = names.get(random.nextInt(names.size()));
            people.add(registry.register(new NewPerson(RegisterNumber.parse(rn, clock), Integer.toString(100000002 + i),
                    CLANS.get(random.nextInt(CLANS.size())), FATHERS.get(random.nextInt(FATHERS.size())), given, sex,
                    birth, birthPlace, "MNG", address, inCapital ? (1 + random.nextInt(40)) + "-р хороо" : null, null,
                    LEGAL_BASIS), SEEDER));
        }

        // the demo citizen is married and moved once, so «My data» shows a history
        Person wife = people.stream().filter(p -> p.sex() == Sex.FEMALE && p.birthDate().getYear() >= 1988
                && p.birthDate().getYear() <= 1994).findFirst().orElseThrow();
        registry.record(citizen.registerNumber(), NewCivilEvent.addressChange(LocalDate.of(2015, 9, 1), LEGAL_BASIS,
                "1110", "13-р хороо, 5-р байр, 12 тоот"), SEEDER);
        registry.record(citizen.registerNumber(), NewCivilEvent.marriage(LocalDate.of(2018, 6, 16), LEGAL_BASIS,
                wife.registerNumber()), SEEDER);

        List<Person> men = people.stream().filter(p -> p.sex() == Sex.MALE && p.birthDate().plusYears(22).isBefore(today)).toList();
        List<Person> women = new ArrayList<>(people.stream().filter(p -> p.sex() == Sex.FEMALE && p != wife
                && p.birthDate().plusYears(22).isBefore(today)).toList());
        for (Person man : men) {
            if (women.isEmpty() || random.nextInt(100) >= 60) {
                continue;
            }
            Person woman = women.remove(random.nextInt(women.size()));
            LocalDate adult = later(man.birthDate(), woman.birthDate()).plusYears(20);
            LocalDate on = adult.plusDays(random.nextInt(3650));
            if (on.isAfter(today)) {
                on = today;
            }
            registry.record(man.registerNumber(), NewCivilEvent.marriage(on, LEGAL_BASIS, woman.registerNumber()), SEEDER);
        }
        return people;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String registerNumber(Random random, LocalDate birth, Sex sex) {
        int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        int sexDigit = random.nextInt(5) * 2 + (sex == Sex.MALE ? 1 : 0);
        return "" + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + String.format("%02d%02d%02d%d%d", birth.getYear() % 100, month, birth.getDayOfMonth(), sexDigit,
                random.nextInt(10));
    }
}
