package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.output.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same bytes: twice in a row, and under Turkish and German locales in far time zones, in
 * one JVM. .ci/run repeats it across separate JVMs and a second JDK (Temurin 25).
 */
class DeterminismTest {

    @Test
    void sameBytesAcrossRunsLocalesAndTimeZones(@TempDir Path a, @TempDir Path b, @TempDir Path c, @TempDir Path d) throws Exception {
        List<OutputFile> first = GoldenFilesTest.render("1.13", a).files();
        List<OutputFile> second = GoldenFilesTest.render("1.13", b).files();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        List<OutputFile> third;
        List<OutputFile> fourth;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            third = GoldenFilesTest.render("1.13", c).files();
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            fourth = GoldenFilesTest.render("1.13", d).files();
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(fourth).isEqualTo(first);
        for (OutputFile f : first) {
            assertThat(f.content()).as(f.path()).doesNotContain("\r").endsWith("\n");
        }
    }
}
