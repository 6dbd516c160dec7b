package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.StepResult;

/**
 * Every row of the slice table reads its figure beside the naive baseline on its own rows, and a slice no better
 * than that guess is called out. A real run on real public data: R's Pima Indians diabetes set with the logged
 * scores of a deliberately weak model, sliced by age and body-mass groups; the expected figures are pandas'
 * groupby of scikit-learn's accuracy_score for the model and for DummyClassifier(most_frequent) fitted on the
 * reference rows (sample-data/scripts/slice_baseline_reference.py).
 */
@ExtendWith(ApplicationExtension.class)
class SliceBaselinesTableTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "window").toAbsolutePath();
    private static final PseudoClass NO_BETTER = PseudoClass.getPseudoClass("no-better");

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 6).model();
    }

    /** The Pima run's six steps. */
    static List<StepResult> run() {
        return Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve("pima-log.twin.json")), DIR,
                new RunListener() { }), 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return BaselineBesideFiguresTest.onFx(read);
    }

    private static String cell(FxRobot robot, String slice) throws Exception {
        return BaselineBesideFiguresTest.cell(robot, slice, "Latest");
    }

    /** The slices whose drawn row is styled as no better than its guess. */
    private List<String> calledOut(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof SliceRowCells && r.getPseudoClassStates().contains(NO_BETTER))
                .map(r -> ((SliceRowCells) r.getItem()).row().slice()).sorted().toList());
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Test
    void everySliceIsReadBesideItsOwnGuessAndOneNoBetterIsCalledOut(FxRobot robot) throws Exception {
        List<StepResult> steps = run();
        assertThat(steps).hasSize(6);
        robot.interact(() -> model.accept(steps));
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("pima-slices-expected.json").toFile());
        assertThat(want.get("majority").asText()).isEqualTo("neg");
        List<String> slices = List.of("overall", "age_group=under 30", "age_group=30 to 49", "age_group=50 and over",
                "bmi_group=under 30", "bmi_group=30 and over");
        for (String slice : slices) {
            JsonNode expected = want.get(slice);
            SliceRow row = model.rows().stream().filter(r -> r.slice().equals(slice)).findFirst().orElseThrow();
            assertThat(row.n()).as(slice).isEqualTo(expected.get("n").asInt());
            assertThat(row.latest()).as(slice).isCloseTo(expected.get("accuracy").asDouble(), within(1e-12));
            assertThat(row.guess("accuracy")).as(slice).isCloseTo(expected.get("guess_accuracy").asDouble(),
                    within(1e-12));
            boolean noBetter = expected.get("accuracy").asDouble() <= expected.get("guess_accuracy").asDouble();
            String text = f(expected.get("accuracy").asDouble()) + " (guess "
                    + f(expected.get("guess_accuracy").asDouble()) + (noBetter ? ": no better)" : ")");
            assertThat(cell(robot, slice)).as(slice).startsWith(text);
        }
        // 0.719 against 0.750, and a tie (0.809, 0.809): both no better than always answering 'neg'. The whole
        // batch, 0.677 against 0.615, is better.
        assertThat(calledOut(robot)).containsExactly("age_group=under 30", "bmi_group=under 30");
        assertThat(cell(robot, "overall")).contains(", recall ");
        assertThat(cell(robot, "bmi_group=under 30")).doesNotContain("recall");
    }

    @Test
    void aSlicesGuessIsReadFromItsOwnMeasure() {
        Map<String, Map<String, Double>> guesses = SliceTable.guessesBySlice(Map.of("baseline.accuracy", 0.6,
                "baseline.rmse[sex=2]", 77.4, "baseline.mae[sex=2]", 61.0, "baseline.accuracy[age=[33, 41)]", 0.7));
        assertThat(guesses).containsOnlyKeys("overall", "sex=2", "age=[33, 41)");
        assertThat(guesses.get("sex=2")).containsExactlyInAnyOrderEntriesOf(Map.of("rmse", 77.4, "mae", 61.0));
        assertThat(guesses.get("age=[33, 41)")).containsEntry("accuracy", 0.7);
        SliceRow worse = new SliceRow("sex=2", 40, 80.0, 0, Double.NaN, Double.NaN, false)
                .withGuesses(guesses.get("sex=2"), Double.NaN);
        assertThat(worse.noBetterThanGuess("rmse")).isTrue();
        assertThat(SliceRowCells.figure(worse, "rmse", 80.0)).isEqualTo("80.000 (guess 77.400: no better)");
        assertThat(SliceRowCells.figure(worse, "mae", 50.0)).isEqualTo("50.000 (guess 61.000)");
    }
}
