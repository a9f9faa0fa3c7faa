package mn.zasag.legalentity;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name search in the legal entity registry: a word anywhere in the name, Cyrillic or its Latin
 * transliteration, any case, served by the trigram index on the folded words (not a scan of the table).
 */
@ZasagTest
class EntityNameSearchTests {

    @Autowired
    LegalEntities entities;
    @Autowired
    CivilRegistry civil;
    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void registrationAuthority() {
        EntityFixtures.ensureRegistrationAuthority(agencies);
    }

    @Test
    void aWordAnywhereInTheNameFindsTheEntityInCyrillicOrLatinAnyCase() {
        String founder = EntityFixtures.person(civil, "Дорж", "Бат");
        String number = EntityFixtures.entityNumber(entities);
        String word = "Батзориг" + number;
        entities.register(EntityFixtures.entity(number, "Их Говийн " + word + " Шуудан",
                List.of(Founder.person(founder, BigDecimal.ONE)), List.of(founder)), EntityFixtures.registrar());

        for (String query : List.of(word, word.toUpperCase(), "batzorig" + number, "BATZORIG" + number + " шуудан",
                "shuudan " + word, "их говийн " + word)) {
            assertThat(entities.search(query, EntityFixtures.LEGAL_BASIS, 50)).as(query)
                    .extracting(EntitySummary::registrationNumber).contains(number);
        }
        assertThat(entities.search(word + " Далай", EntityFixtures.LEGAL_BASIS, 50))
                .extracting(EntitySummary::registrationNumber).doesNotContain(number);
    }

    @Test
    void aWordInsideTheNameIsLookedUpInTheTrigramIndex() {
        String plan = transaction.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain select registration_number from legalentity.entity "
                    + "where name_key like 'shuudan%' or name_words like '% shuudan%'").query(String.class).list());
        });
        assertThat(plan).contains("entity_name_words_trgm").doesNotContain("Seq Scan");
    }
}
