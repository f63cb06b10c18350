package io.learningloop.command.http;

import io.learningloop.problems.ProblemErrorController;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BulkImportProperties.class, StepBodyProperties.class})
class ApiConfiguration {

    // /error answers what no route did (a problem like every other); it is no operation of the API.
    static {
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
    }

    /**
     * What {@code /v3/api-docs} says about the API as a whole. The server is fixed (relative), so that the
     * document does not depend on the port it was fetched from and its committed copy stays comparable.
     */
    private static final String BEARER_KEY = "apiKey";

    @Bean
    OpenAPI commandServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Learning Loop command service")
                        .version("1")
                        .description("""
                                Internal tools post the steps of learning loops here: a **decision**, its \
                                **outcome**, the **lesson** drawn from it, and a later **behaviour change** (a \
                                decision made differently because of that lesson).

                                Ids are the tools' own (left out, the server assigns one). A new step answers \
                                `201`; the very same step posted again answers `200` with `"alreadyRecorded": \
                                true` and the original event id, and stores nothing. The same id with other \
                                content is `409`.

                                Refusals are RFC 9457 `application/problem+json` with a `type` of \
                                `urn:learning-loop:problem:<name>`: `invalid-step` and `unreadable-body` (400), \
                                `loop-rule-violated` (400), `unknown-reference` (404), `conflicting-step` and \
                                `concurrent-step` (409). Field-level refusals list the fields at fault in \
                                `errors: [{field, message}]`. Nothing is stored on any refusal.

                                Every request sends an API key with the `steps:write` scope: \
                                `Authorization: Bearer ll_…` (`./platform keys create`). Without one, or with one \
                                unknown, revoked or expired: `unauthenticated` (401). A key may write only inside \
                                its org units, also when it corrects a step recorded before: `outside-units` \
                                (403); without the scope: `forbidden` (403). Over the key's rate: `rate-limited` \
                                (429, with `Retry-After`)."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("ll_<keyId>_<secret>")
                                        .description("An API key with the steps:write scope (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_KEY))
                .servers(List.of(new Server().url("/").description("this command service")))
                // The single-step routes have no annotated controller to carry their tags (StepOperations).
                .addTagsItem(
                        new Tag().name(StepOperations.STEPS_TAG).description("Post the steps of a loop one at a time"))
                .addTagsItem(new Tag()
                        .name(StepOperations.CORRECTIONS_TAG)
                        .description("Amend or retract a step posted wrongly"));
    }
}
