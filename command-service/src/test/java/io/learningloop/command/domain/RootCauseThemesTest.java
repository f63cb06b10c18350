package io.learningloop.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RootCauseThemesTest {

    @Test
    void configuredThemesExtendTheStandardVocabulary() {
        assertThat(RootCauseThemes.standardPlus(List.of("vendor-lock-in")).themes())
                .containsAll(RootCauseThemes.STANDARD)
                .contains("vendor-lock-in");
    }

    @Test
    void configuredThemeOfTheWrongShapeFailsAtStartup() {
        assertThatThrownBy(() -> RootCauseThemes.standardPlus(List.of("Vendor Lock-in")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Vendor Lock-in'");
    }

    @Test
    void everyStandardThemeHasTheContractsShape() {
        assertThat(RootCauseThemes.STANDARD)
                .allMatch(theme -> RootCauseThemes.SHAPE.matcher(theme).matches());
    }
}
