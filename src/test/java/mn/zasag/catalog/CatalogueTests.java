package mn.zasag.catalog;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.internal.Catalogue;
import mn.zasag.catalog.internal.Label;
import mn.zasag.catalog.internal.SearchQuery;
import mn.zasag.catalog.internal.SearchResult;
import mn.zasag.catalog.internal.ServiceDetail;
import mn.zasag.catalog.internal.Transliteration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue loaded from its data files, searched and browsed as citizens do. */
@ZasagTest
class CatalogueTests {

    @Autowired
    Catalogue catalogue;
    @Autowired
    Agencies agencies;

    private List<String> codesFound(String text) {
        return catalogue.search(new SearchQuery(text, null, null, null, 1, 10)).items().stream().map(ServiceDetail::code).toList();
    }

    @Test
    void loadsAtLeastTheProgrammesHundredAndSixtySevenServicesEachWithAKnownAgencyAndItsTexts() {
        List<ServiceDetail> all = catalogue.list(null);

        assertThat(all).hasSizeGreaterThanOrEqualTo(167);
        assertThat(all).extracting(ServiceDetail::code).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(s -> {
            assertThat(agencies.find(s.agencyCode())).as(s.code() + "'s agency").isPresent();
            assertThat(s.descriptionMn()).as(s.code()).isNotBlank();
            assertThat(s.descriptionEn()).as(s.code()).isNotBlank();
            assertThat(s.source()).as(s.code()).isNotBlank();
            assertThat(s.channels()).as(s.code()).isNotEmpty();
        });
        assertThat(catalogue.documentKinds().keySet()).containsAll(
                all.stream().flatMap(s -> java.util.stream.Stream.concat(s.documentsRequired().stream(), s.documentsProduced().stream())).toList());
    }

    @Test
    void keepsTheThirtyOneOnlineServicesAndTheirForms() {
        assertThat(catalogue.list(null).stream().filter(ServiceDetail::online)).hasSize(31);
        ServiceDetail renewal = catalogue.get("POLICE-DL-001");
        assertThat(renewal.form()).isEqualTo("dl-renewal");
        assertThat(renewal.documentsRequired()).contains("driving-licence", "medical-certificate");
        assertThat(renewal.documentsProduced()).containsExactly("driving-licence");
    }

    @Test
    void keepsAFeeOrTimeThatIsNotSourcedUnknownRatherThanGuessed() {
        ServiceDetail passport = catalogue.get("GASR-ID-003");
        assertThat(passport.feeMnt()).isNull();
        assertThat(passport.daysToDecide()).isNull();
        assertThat(catalogue.get("GASWS-SW-007").feeMnt()).isZero();
    }

    @Test
    void foldsCyrillicAndLatinToTheSameKey() {
        assertThat(Transliteration.fold("Жолоочийн")).isEqualTo(Transliteration.fold("joloochiin"));
        assertThat(Transliteration.fold("Цагдаагийн")).isEqualTo(Transliteration.fold("tsagdaagiin"));
        assertThat(Transliteration.fold("Өндөр насны тэтгэвэр")).isEqualTo("ondor nasni tetgever");
        assertThat(Transliteration.fold("  ,.  ")).isEmpty();
    }

    @Test
    void findsServicesByTheirCyrillicName() {
        assertThat(codesFound("жолоодох эрхийн үнэмлэх сунгуулах").get(0)).isEqualTo("POLICE-DL-001");
        assertThat(codesFound("паспорт")).contains("GASR-ID-003", "GASR-ID-004");
    }

    @Test
    void findsCyrillicNamesFromALatinQuery() {
        assertThat(codesFound("jolooch")).contains("POLICE-DL-006");
        assertThat(codesFound("ondor nasnii tetgever")).first().isEqualTo("GASI-SI-003");
        assertThat(codesFound("passport renewal")).contains("GASR-ID-004");
    }

    @Test
    void toleratesTypos() {
        assertThat(codesFound("жолоодох эрхйн")).contains("POLICE-DL-001", "POLICE-DL-002");
        assertThat(codesFound("tetgever")).contains("GASI-SI-003", "GASWS-SW-001");
        assertThat(codesFound("тэтгэврр")).contains("GASI-SI-003");
        assertThat(codesFound("гэрлэлтйн")).contains("GASR-CIV-009");
    }

    @Test
    void findsNothingForNonsense() {
        assertThat(codesFound("qqqxxzzq")).isEmpty();
    }

    @Test
    void browsesByCategoryLifeEventAndAgency() {
        SearchResult driving = catalogue.search(new SearchQuery(null, null, "driving", null, 1, 100));
        assertThat(driving.items()).isNotEmpty().allMatch(s -> s.category().equals("driving"));
        SearchResult baby = catalogue.search(new SearchQuery(null, null, null, "having-a-baby", 1, 100));
        assertThat(baby.items()).extracting(ServiceDetail::code).contains("GASR-CIV-007", "GASI-SI-004");
        SearchResult customs = catalogue.search(new SearchQuery(null, "CUSTOMS", null, null, 1, 100));
        assertThat(customs.items()).isNotEmpty().allMatch(s -> s.agencyCode().equals("CUSTOMS"));
        assertThat(catalogue.categories()).extracting(Label::code).contains("civil-registration", "tax");
        assertThat(catalogue.agencies()).filteredOn(l -> l.code().equals("GASR")).singleElement()
                .satisfies(l -> assertThat(l.count()).isGreaterThan(40));
    }

    @Test
    void pagesThroughResults() {
        SearchResult first = catalogue.search(new SearchQuery(null, "GASR", null, null, 1, 20));
        SearchResult second = catalogue.search(new SearchQuery(null, "GASR", null, null, 2, 20));
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(40);
        assertThat(first.items()).hasSize(20).doesNotContainAnyElementsOf(second.items());
        assertThat(catalogue.search(new SearchQuery(null, "GASR", null, null, 50, 20)).items()).isEmpty();
    }

    @Test
    void refusesBadSearchParameters() {
        assertThatThrownBy(() -> catalogue.search(new SearchQuery(null, "NOPE", null, null, 1, 20)))
                .hasFieldOrPropertyWithValue("code", "catalog_filter_unknown");
        assertThatThrownBy(() -> catalogue.search(new SearchQuery("x".repeat(201), null, null, null, 1, 20)))
                .hasFieldOrPropertyWithValue("code", "catalog_query_too_long");
        assertThatThrownBy(() -> catalogue.search(new SearchQuery(null, null, null, null, 0, 20)))
                .hasFieldOrPropertyWithValue("code", "catalog_page_invalid");
        assertThatThrownBy(() -> catalogue.search(new SearchQuery(null, null, null, null, 1, 101)))
                .hasFieldOrPropertyWithValue("code", "catalog_page_size_invalid");
    }
}
