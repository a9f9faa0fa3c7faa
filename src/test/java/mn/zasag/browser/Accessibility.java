package mn.zasag.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.stream.Collectors;

/**
 * WCAG 2.2 AA as far as a machine can tell, checked with axe-core on the page the browser shows now.
 * axe is injected through WebDriver's executeScript, which Chromium runs through DevTools and does not
 * subject to the page's Content-Security-Policy, so {@code script-src 'self'} stays as it is for the test.
 */
final class Accessibility {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {
    }

    static void assertNoViolations(WebDriver driver) {
        String page = driver.getCurrentUrl();
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        // an axe that failed to run reports no violations either: that must not pass as accessible
        assertThat(results.isErrored()).as("axe failed on %s: %s", page, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe checked nothing on %s", page).isNotEmpty();
        assertThat(results.getViolations()).withFailMessage(() -> describe(page, results.getViolations())).isEmpty();
    }

    private static String describe(String page, List<Rule> violations) {
        return "accessibility violations on " + page + ":\n" + violations.stream()
                .map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + "\n      " + node.getHtml()
                + "\n      " + String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
    }
}
