package mn.zasag.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFieldsTests {

    @Test
    void fieldsPlainQuotedAndEmpty() {
        assertThat(CsvFields.split("a,\"b, \"\"c\"\"\",,d,")).containsExactly("a", "b, \"c\"", "", "d", "");
        assertThat(CsvFields.split("")).containsExactly("");
        assertThat(CsvFields.split("\"\"")).containsExactly("");
        assertThat(CsvFields.split("Дорж")).containsExactly("Дорж");
    }

    @Test
    void aMalformedLineIsNull() {
        assertThat(CsvFields.split("\"unterminated,a")).isNull();
        assertThat(CsvFields.split("\"a\"b,c")).isNull();
        assertThat(CsvFields.split("a\"b,c")).isNull();
    }
}
