package mn.zasag.exchange;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Providers that misbehave, for the exchange's error mapping: one too slow, one that fails. */
@Configuration
class TestProviders {

    static ServiceProvider.Definition definition(String code) {
        return new ServiceProvider.Definition(code, code, "{\"openapi\":\"3.0.3\"}", List.of(new ServiceProvider.Endpoint("GET", "/**")),
                false, false);
    }

    @Bean
    ServiceProvider slowProvider() {
        return new ServiceProvider() {
            @Override
            public String key() {
                return "test.slow";
            }

            @Override
            public Definition definition() {
                return TestProviders.definition("slow");
            }

            @Override
            public Response handle(Request request) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Response(200, "text/plain", new byte[0]);
            }
        };
    }

    @Bean
    ServiceProvider failingProvider() {
        return new ServiceProvider() {
            @Override
            public String key() {
                return "test.failing";
            }

            @Override
            public Definition definition() {
                return TestProviders.definition("failing");
            }

            @Override
            public Response handle(Request request) {
                throw new IllegalStateException("the registry's database is gone");
            }
        };
    }
}
