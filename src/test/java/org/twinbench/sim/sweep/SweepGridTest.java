package org.twinbench.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioException;

/** One reader of sweep grids for the run and sweep commands, the window and Spark. */
class SweepGridTest {

    @TempDir
    Path dir;

    @Test
    void typedValuesBecomeNumbersFlagsAndText() {
        assertThat(SweepGrid.values(" 0.9, 0.7 ;5, true, north ,, ")).containsExactly(0.9, 0.7, 5L, true, "north");
        assertThat(SweepGrid.values("  ")).isEmpty();
    }

    @Test
    void theSameGridWrittenThreeWaysReadsTheSame() throws IOException {
        Path file = dir.resolve("grid.json");
        Files.writeString(file, "{\"recession.scale\": [0.9, 0.7], \"retrain.window_steps\": [3, 5]}");
        SweepGrid fromFile = SweepGrid.read(file);
        SweepGrid fromOptions = SweepGrid.ofOptions(List.of("recession.scale=0.9,0.7", " retrain.window_steps = 3, 5"));
        assertThat(fromOptions).isEqualTo(fromFile);
        assertThat(fromFile.axes()).containsExactly(Map.entry("recession.scale", List.of(0.9, 0.7)),
                Map.entry("retrain.window_steps", List.of(3L, 5L)));
        assertThat(SweepGrid.ofParameter(" recession.scale ", "0.9; 0.7").axes())
                .containsExactly(Map.entry("recession.scale", List.of(0.9, 0.7)));
        // 2 x 2 points, the first axis varying slowest.
        assertThat(fromFile.points()).containsExactly(
                Map.of("recession.scale", 0.9, "retrain.window_steps", 3L),
                Map.of("recession.scale", 0.9, "retrain.window_steps", 5L),
                Map.of("recession.scale", 0.7, "retrain.window_steps", 3L),
                Map.of("recession.scale", 0.7, "retrain.window_steps", 5L));
    }

    @Test
    void badGridsAreRefusedNamingTheFileOrOption() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"recession.scale\": [1.0,\n}");
        assertThatThrownBy(() -> SweepGrid.read(broken)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(broken + ":3:1: not valid JSON");
        Path nested = dir.resolve("nested.json");
        Files.writeString(nested, "{\"recession.scale\": [1.0, [2]]}");
        assertThatThrownBy(() -> SweepGrid.read(nested))
                .hasMessage(nested + ": parameter 'recession.scale', value 2: write a number, true/false or text, not [2]");
        assertThatThrownBy(() -> SweepGrid.read(dir.resolve("none.json"))).hasMessageEndingWith("none.json: file not found");
        assertThatThrownBy(() -> SweepGrid.ofOptions(List.of("recession.scale")))
                .hasMessage("--sweep 'recession.scale': write NODE.PARAM=V1,V2,..., e.g. recession.scale=0.9,0.7");
        assertThatThrownBy(() -> SweepGrid.ofOptions(List.of("recession.scale= , ")))
                .hasMessageStartingWith("--sweep 'recession.scale= , '");
        assertThatThrownBy(() -> SweepGrid.ofParameter("recession.scale", " "))
                .hasMessageStartingWith("choose a parameter and type its values");
    }
}
