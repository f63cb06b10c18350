package io.learningloop.codec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A team that only reads the topic depends on this module and gets the contract, Jackson and
 * kafka-clients: no Spring, no Elasticsearch, no servlet API. The codec's own classes must not use
 * them, and the module must not bring them along (this test's classpath is the module's, plus only
 * JUnit, AssertJ and ArchUnit, none of which bring any of them).
 */
class EventCodecDependenciesTest {

    /** Package prefixes of what a consumer of the topic must not be made to pull in. */
    private static final List<String> FORBIDDEN = List.of("org.springframework", "co.elastic", "jakarta.servlet");

    /** One well-known class of each forbidden library, to look for on the classpath. */
    static Stream<String> forbiddenClasses() {
        return Stream.of(
                "org.springframework.core.SpringVersion",
                "org.springframework.boot.SpringApplication",
                "co.elastic.clients.elasticsearch.ElasticsearchClient",
                "org.elasticsearch.client.RestClient",
                "jakarta.servlet.Servlet");
    }

    @Test
    void theCodecUsesNeitherSpringNorElasticsearchNorServlets() {
        JavaClasses codec = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.learningloop.codec");
        assertThat(codec).isNotEmpty();

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        FORBIDDEN.stream().map(prefix -> prefix + "..").toArray(String[]::new))
                .check(codec);
    }

    @ParameterizedTest
    @MethodSource("forbiddenClasses")
    void theModuleBringsNoneOfThemAlong(String className) {
        assertThat(isOnClasspath(className))
                .as("%s on the classpath of event-codec", className)
                .isFalse();
    }

    @Test
    void theLookupFindsWhatIsThere() {
        // Guards the test above against a lookup that could never find anything.
        assertThat(isOnClasspath("org.apache.kafka.clients.consumer.ConsumerRecord"))
                .isTrue();
        assertThat(isOnClasspath("com.fasterxml.jackson.databind.ObjectMapper")).isTrue();
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, EventCodecDependenciesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
