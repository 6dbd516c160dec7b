package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.stats.WilsonInterval;

/**
 * A multiclass model that holds says so as a binary one does: its accuracy over every labelled row with the 95%
 * interval, and — when a small file's rows were drawn again and again — how many different rows the draws held.
 * Real public data: scikit-learn's wine set, its 89 production rows (the second half of wine-replay.csv) drawn with
 * replacement 40 × 50 times through the multinomial bundle; the different rows the headline counts must be about
 * those 89, and its interval Wilson's over them.
 */
class MulticlassHeldHeadlineTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "window").toAbsolutePath();

    @Test
    void aGreenMulticlassHeadlineGivesItsIntervalAndTheRepeatedRows() {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve("wine-held.twin.json")), DIR,
                new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSummary summary = RunSummary.of(outcome, RunSeries.of(outcome), List.of());
        assertThat(summary.light()).isEqualTo(RunSummary.Light.GREEN);
        Matcher held = Pattern.compile("^The model holds: accuracy (\\d\\.\\d\\d) \\(95% interval (\\d\\.\\d\\d)–"
                + "(\\d\\.\\d\\d)\\) over 2000 labelled rows \\(drawn again and again from about (\\d+) different rows; "
                + "the intervals count each once\\), and accuracy stays within 0\\.02 everywhere \\(accuracy ")
                .matcher(summary.headline());
        assertThat(held.find()).as(summary.headline()).isTrue();
        int distinct = Integer.parseInt(held.group(4));
        assertThat(distinct).isBetween(84, 94);
        double accuracy = outcome.replicates().get(0).stream().mapToDouble(s -> s.overall().accuracy() * s.overall().n())
                .sum() / 2000;
        assertThat(held.group(1)).isEqualTo(String.format(Locale.ROOT, "%.2f", accuracy));
        double[] wilson = WilsonInterval.of(accuracy, distinct);
        assertThat(held.group(2)).isEqualTo(String.format(Locale.ROOT, "%.2f", wilson[0]));
        assertThat(held.group(3)).isEqualTo(String.format(Locale.ROOT, "%.2f", wilson[1]));
        // A multiclass headline never speaks of a positive class.
        assertThat(summary.headline()).doesNotContain("positive").doesNotContain("catches");
    }
}
