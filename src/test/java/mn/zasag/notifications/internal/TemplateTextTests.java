package mn.zasag.notifications.internal;

import mn.zasag.notifications.PlaceholderMissing;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTextTests {

    @Test
    void replacesEveryNamedPlaceholderWithItsValue() {
        String text = TemplateText.render("k", "Сайн байна уу, {name}. {name}, таны дугаар {number}.",
                Map.of("name", "Сараа", "number", "42"));

        assertThat(text).isEqualTo("Сайн байна уу, Сараа. Сараа, таны дугаар 42.");
    }

    @Test
    void refusesToRenderWhenAPlaceholderHasNoValue() {
        assertThatThrownBy(() -> TemplateText.render("account_registered", "Hello {name}, {time}", Map.of("name", "A")))
                .isInstanceOf(PlaceholderMissing.class)
                .hasFieldOrPropertyWithValue("code", "notification_placeholder_missing")
                .hasFieldOrPropertyWithValue("placeholder", "time");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWhenTheyLookLikePlaceholdersOrGroupReferences() {
        String text = TemplateText.render("k", "{a} and {b}", Map.of("a", "{b} $1 \\", "b", "B"));

        assertThat(text).isEqualTo("{b} $1 \\ and B");
    }

    @Test
    void bracesThatAreNotPlaceholdersStayAsTheyAre() {
        assertThat(TemplateText.render("k", "{ } {1x} {}", Map.of())).isEqualTo("{ } {1x} {}");
        assertThat(TemplateText.placeholders("{name} {x_1} {1x} {name}")).containsExactly("name", "x_1");
    }
}
