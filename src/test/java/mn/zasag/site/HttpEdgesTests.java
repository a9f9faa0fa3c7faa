package mn.zasag.site;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real Tomcat on a random port: what the container does with unknown pages, missing CSRF
 * tokens, broken encodings and oversized bodies, which MockMvc cannot show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpEdgesTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postForm(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownPageShowsFriendly404InMongolianThenEnglish() throws Exception {
        HttpResponse<String> mn = get("/no/such/page", "text/html");
        assertThat(mn.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(mn.body()).select("h1").text()).isEqualTo("Хуудас олдсонгүй");
        assertThat(mn.body()).doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> en = get("/no/such/page?lang=en", "text/html");
        assertThat(Jsoup.parse(en.body()).select("h1").text()).isEqualTo("Page not found");
        assertThat(Jsoup.parse(en.body()).select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void unknownApiPathIsAProblemDocumentEvenForABrowser() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"not_found\"");
    }

    @Test
    void formPostWithoutCsrfTokenShowsTheFriendly403Page() throws Exception {
        HttpResponse<String> response = postForm("/register", "registerNumber=x".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Хандах эрхгүй");
    }

    @Test
    void nonUtf8FormFieldsAreRejectedWithAMessageNotA500() throws Exception {
        String csrf = Jsoup.parse(get("/register", "text/html").body()).select("input[name=_csrf]").val();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("_csrf=" + csrf + "&registerNumber=%D0%A3%D0%91%39%30%30%35%32%31%31%34&familyName=").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("%FF%FE%C3".getBytes(StandardCharsets.US_ASCII)); // not UTF-8
        body.writeBytes("&givenName=Bold&mobile=99112233&password=long+enough+pw&passwordConfirmation=long+enough+pw".getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = postForm("/register", body.toByteArray());

        assertThat(response.statusCode()).isIn(200, 400);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(Jsoup.parse(response.body()).select(".error-summary, h1").text()).isNotBlank();
    }

    @Test
    void securityHeadersAreSentWithEveryPage() throws Exception {
        HttpResponse<String> response = get("/", "text/html");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void openApiAndSwaggerUiAreServed() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\":\"3.1").contains("/api/v1/me").contains("/api/v1/agencies");
        HttpResponse<String> ui = get("/swagger-ui/index.html", "text/html");
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndMetricsNeedAToken() throws Exception {
        assertThat(get("/actuator/health", "application/json").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.body()).contains("unauthenticated");
    }
}
