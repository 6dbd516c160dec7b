package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * The training-row sketch on real data (statsmodels' 1996 election study, 944 rows; anes96-shuffled.csv is the
 * same rows read and written again by pandas, which moved the last digit of 303 logpopul values —
 * src/test/resources/file-order/make_data.py). The share of training rows in a table is known exactly here, so the
 * estimate is checked against it within twice its binomial standard error.
 */
class RowSketchTest {

    static final Path DIR = Path.of("src/test/resources/file-order");
    static final List<String> COLUMNS = List.of("popul", "TVnews", "selfLR", "ClinLR", "DoleLR", "PID", "age",
            "educ", "income", "logpopul", "vote");

    private static Frame anes(String file) {
        Dataset data = TableLoader.load(DIR.resolve(file));
        return data.frame();
    }

    @Test
    void theShareOfTrainingRowsIsEstimatedWithinItsStandardErrorEvenInAReExport() {
        Frame anes = anes("anes96.csv");
        // Three rows in four trained on (708 rows, more than the sketch keeps): three quarters of the file.
        int[] trained = IntStream.range(0, anes.rowCount()).filter(i -> i % 4 != 0).toArray();
        RowSketch sketch = RowSketch.of(anes, trained, COLUMNS);
        assertThat(sketch.hashes()).hasSize(RowSketch.K);
        for (String file : List.of("anes96.csv", "anes96-shuffled.csv")) {
            RowSketch.Share share = sketch.shareIn(anes(file));
            assertThat(share.rows()).isGreaterThan(600);
            assertThat(share.share()).as(file).isCloseTo(0.75, within(2 * Math.sqrt(0.75 * 0.25 / share.rows())));
        }
        // The training rows alone: every row in range is in the sketch. The other rows alone: none is.
        assertThat(sketch.shareIn(anes.select(trained)).share()).isEqualTo(1.0);
        int[] others = IntStream.range(0, anes.rowCount()).filter(i -> i % 4 == 0).toArray();
        assertThat(sketch.shareIn(anes.select(others)).share()).isLessThan(0.01);
    }

    @Test
    void aSmallTrainingSetIsHeldWholeAndCountedExactly() {
        Frame anes = anes("anes96.csv");
        int[] first = IntStream.range(0, 300).toArray();
        RowSketch sketch = RowSketch.of(anes, first, COLUMNS);
        // 300 rows, one repeated (rows 0-299 of the file hold 299 distinct rows by these columns, pandas).
        assertThat(sketch.hashes().length).isBetween(299, 300);
        RowSketch.Share share = sketch.shareIn(anes);
        assertThat(share.rows()).isEqualTo(944);
        assertThat(share.share()).isCloseTo(300 / 944.0, within(1.5 / 944));
        assertThat(sketch.shareIn(anes.select(new int[] {0})).share()).isEqualTo(1.0);
    }

    @Test
    void dataWithoutASketchedColumnSaysNothing() {
        Frame anes = anes("anes96.csv");
        RowSketch sketch = RowSketch.of(anes, new int[] {0, 1, 2}, List.of("popul", "vote"));
        assertThat(new RowSketch(List.of("popul", "missing"), sketch.hashes()).shareIn(anes)).isNull();
    }

    @Test
    void aTrainedBundleKeepsItsSketch(@TempDir Path dir) {
        TaskModel model = TaskTrainer.train(anes("anes96.csv"), new TrainingOptions(Algorithm.LOGISTIC, "vote",
                COLUMNS.subList(0, COLUMNS.size() - 1), "1", 1, 0, "test"), org.twinbench.data.Task.BINARY,
                TrainingProgress.NONE).model();
        Path file = dir.resolve("vote.twinmodel");
        ModelBundle.write(model, file);
        RowSketch read = ModelBundle.readModel(file).card().trainingSketch();
        assertThat(read).isEqualTo(model.card().trainingSketch());
        assertThat(read.shareIn(anes("anes96-shuffled.csv")).share()).isCloseTo(755 / 944.0, within(0.04));
    }
}
