package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TalosVersionTest {

    @ParameterizedTest
    @CsvSource({
        "1.13, 1, 13",
        "v1.14, 1, 14",
        "1.13.9, 1, 13",
        "v1.14.0-rc.1, 1, 14",
        "' 1.12 ', 1, 12",
        "2.0, 2, 0",
    })
    void parsesVersions(String text, int major, int minor) {
        assertThat(TalosVersion.parse(text)).isEqualTo(new TalosVersion(major, minor));
    }

    @Test
    void printsMajorDotMinor() {
        assertThat(TalosVersion.parse("v1.13.9")).hasToString("1.13");
        assertThat(new TalosVersion(1, 14)).hasToString("1.14");
    }

    @Test
    void switchesToManifestDocumentsAt114() {
        assertThat(TalosVersion.parse("1.12").usesManifestDocuments()).isFalse();
        assertThat(TalosVersion.parse("1.13").usesManifestDocuments()).isFalse();
        assertThat(TalosVersion.parse("1.14").usesManifestDocuments()).isTrue();
        assertThat(TalosVersion.parse("1.15").usesManifestDocuments()).isTrue();
        assertThat(TalosVersion.parse("2.0").usesManifestDocuments()).isTrue();
    }

    @Test
    void comparesNumerically() {
        assertThat(TalosVersion.parse("1.9")).isLessThan(TalosVersion.parse("1.13"));
        assertThat(TalosVersion.parse("1.14")).isGreaterThan(TalosVersion.parse("1.13.9"));
        assertThat(TalosVersion.parse("2.0")).isGreaterThan(TalosVersion.parse("1.99"));
        assertThat(TalosVersion.parse("1.13")).isEqualByComparingTo(TalosVersion.parse("v1.13.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "1", "1.", "1.x", "v", "V1.13", "1.13.9.1", "latest", "1,13", "99999999.1"})
    void rejectsOtherText(String text) {
        assertThatThrownBy(() -> TalosVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a Talos version like \"1.13\" (got \"" + text + "\")");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> TalosVersion.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a Talos version like \"1.13\" (got null)");
    }
}
