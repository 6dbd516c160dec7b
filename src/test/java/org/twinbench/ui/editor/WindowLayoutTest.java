package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's remembered layout: written, read back, and the defaults for a missing or damaged file. */
class WindowLayoutTest {

    private static final WindowLayout DEFAULTS = new WindowLayout(true, 0.55);

    @Test
    void aWrittenLayoutIsReadBack(@TempDir Path home) throws Exception {
        new WindowLayout(false, 0.375).write(home);
        assertThat(WindowLayout.read(home, DEFAULTS)).isEqualTo(new WindowLayout(false, 0.375));
        DEFAULTS.withResultsShare(0.7).write(home);
        assertThat(WindowLayout.read(home, DEFAULTS)).isEqualTo(new WindowLayout(true, 0.7));
    }

    @Test
    void noFileOrADamagedOneGivesTheDefaults(@TempDir Path home) throws Exception {
        assertThat(WindowLayout.read(home, DEFAULTS)).isEqualTo(DEFAULTS);
        Files.writeString(home.resolve(WindowLayout.FILE), "results.shown=false\nresults.share=half\n");
        assertThat(WindowLayout.read(home, DEFAULTS)).isEqualTo(DEFAULTS);
        Files.createDirectories(home.resolve("folder").resolve(WindowLayout.FILE));
        assertThat(WindowLayout.read(home.resolve("folder"), DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void aShareOutsideTheDragLimitsIsBroughtWithinThem(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(WindowLayout.FILE), "results.shown=true\nresults.share=0.97\n");
        assertThat(WindowLayout.read(home, DEFAULTS).resultsShare()).isEqualTo(WindowLayout.LARGEST_SHARE);
        assertThat(DEFAULTS.withResultsShare(0.01).resultsShare()).isEqualTo(WindowLayout.LEAST_SHARE);
        assertThatThrownBy(() -> new WindowLayout(true, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
