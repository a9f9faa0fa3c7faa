package mn.zasag.registry;

import mn.zasag.shared.RegisterNumber;
import mn.zasag.shared.RegisterNumber.Sex;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic population: deterministic, valid for the registry, spread like the census. */
class PopulationGeneratorTests {

    private static final LocalDate AS_OF = PopulationGenerator.DEFAULT_AS_OF;

    private static byte[] csv(long seed, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PopulationGenerator(seed, AS_OF).generate(count, List.of(new PersonsCsv(out)));
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnotherOne() throws IOException {
        byte[] first = csv(7, 3000);
        assertThat(csv(7, 3000)).isEqualTo(first);
        assertThat(csv(8, 3000)).isNotEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", PersonsCsv.COLUMNS) + "\n");
        assertThat(text.lines().count()).isEqualTo(3001);
    }

    @Test
    void everyPersonIsValidUniqueAndMarriagesAreBetweenAdultsOfTheFile() {
        int count = 20_000;
        Set<String> numbers = new HashSet<>();
        Set<String> civilIds = new HashSet<>();
        Map<String, SyntheticPerson> byNumber = new HashMap<>();
        int capital = 0;
        int children = 0;
        int elderly = 0;
        for (Iterator<SyntheticPerson> it = new PopulationGenerator(11, AS_OF).people(count); it.hasNext(); ) {
            SyntheticPerson p = it.next();
            RegisterNumber rn = RegisterNumber.parse(p.registerNumber());
            assertThat(rn.value()).isEqualTo(p.registerNumber());
            assertThat(rn.birthDate()).isEqualTo(p.birthDate());
            assertThat(rn.sex()).isEqualTo(p.sex());
            assertThat(numbers.add(p.registerNumber())).as("unique %s", p.registerNumber()).isTrue();
            if (p.civilId() != null) {
                assertThat(civilIds.add(p.civilId())).isTrue();
            }
            for (String name : new String[] {p.clanName(), p.familyName(), p.givenName()}) {
                assertThat(name).matches("[А-ЯЁӨҮа-яёөү][А-ЯЁӨҮа-яёөү -]*");
            }
            assertThat(p.birthDate()).isBefore(AS_OF);
            capital += p.addressDivision().startsWith("11") ? 1 : 0;
            int age = p.birthDate().until(AS_OF).getYears();
            children += age < 15 ? 1 : 0;
            elderly += age >= 65 ? 1 : 0;
            byNumber.put(p.registerNumber(), p);
        }
        int married = 0;
        for (SyntheticPerson p : byNumber.values()) {
            if (p.spouse() != null) {
                married++;
                SyntheticPerson spouse = byNumber.get(p.spouse());
                assertThat(spouse).isNotNull();
                assertThat(spouse.spouse()).isEqualTo(p.registerNumber());
                assertThat(spouse.marriageDate()).isEqualTo(p.marriageDate());
                assertThat(spouse.sex()).isNotEqualTo(p.sex());
                assertThat(p.birthDate().plusYears(18)).isBeforeOrEqualTo(p.marriageDate());
                assertThat(p.marriageDate()).isBefore(AS_OF);
            }
        }
        // about 46 % in the capital, a young population, and some couples
        assertThat(capital / (double) count).isBetween(0.42, 0.50);
        assertThat(children / (double) count).isBetween(0.20, 0.35);
        assertThat(elderly / (double) count).isBetween(0.02, 0.10);
        assertThat(married / (double) count).isBetween(0.2, 0.5);
        assertThat(byNumber.values().stream().filter(p -> p.sex() == Sex.FEMALE).count() / (double) count)
                .isBetween(0.45, 0.55);
    }
}
