package mn.zasag.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI zasagOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Zasag API").version("v1")
                        .description("Open e-government platform. Errors are RFC 9457 problem details with a stable `code`. "
                                + "Authenticate with a personal access token: `Authorization: Bearer zsg_...`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Personal access token")));
    }
}
