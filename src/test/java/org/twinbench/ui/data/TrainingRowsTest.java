package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelCard;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The train dialog's "reference rows only" for every replay the window offers and for an undated table, trained on
 * and checked for leaks as chosen. Reference cuts from pandas on modeldata's Chicago ridership (5,698 days, ISO
 * dates; the middle day in time is 2008-11-10): a month a step cuts at 2008-11-01 (2,840 rows before it), a quarter
 * at 2008-10-01 (2,809), a week (ISO, Monday) and a day both at 2008-11-10 (2,849). An undated table's reference is
 * its first half in file order, as a dataset source's default reference_share 0.5 takes it: wine's first 89 of 178,
 * diabetes' first 221 of 442.
 */
class TrainingRowsTest {

    private static final Path CHICAGO = Path.of("src/test/resources/rdata/chicago.csv");
    private static final Path WINE = Path.of("sample-data/public/wine.csv");
    private static final Path DIABETES = Path.of("sample-data/public/diabetes.csv");
    private static final Path PENGUINS = Path.of("src/test/resources/rdata/penguins.csv");

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();
    private final QueuedFx fx = new QueuedFx();

    @AfterEach
    void close() {
        executor.close();
    }

    private static List<ScenarioFromData.Replay> replays(Dataset data, String column) {
        return NewScenarioChoices.WINDOWS.stream().map(w -> ScenarioFromData.replay(data, column, w, null)
                .orElseThrow()).toList();
    }

    @Test
    void aDailyTableOffersTheReferenceOfEachWindowOnceForEachCut() {
        Dataset chicago = TableLoader.load(CHICAGO);
        List<TrainingRows> offered = TrainingRows.of(chicago, replays(chicago, "date"));
        assertThat(offered).extracting(TrainingRows::label).containsExactly("All 5,698 rows",
                "The reference rows only: 2,840 rows before 2008-11-01 by date (a month a step)",
                "The reference rows only: 2,809 rows before 2008-10-01 by date (a quarter a step)",
                "The reference rows only: 2,849 rows before 2008-11-10 by date (a week or a day a step)");
        assertThat(offered.get(3).chosen()).isEqualTo("2,849 rows before 2008-11-10 by date (the reference of a "
                + "replay a week or a day a step)");
        // The file is in date order (pandas: monotonic), so each reference is its first rows.
        assertThat(offered.get(2).rows()).hasSize(2809).startsWith(0, 1, 2).endsWith(2808);
    }

    @Test
    void anUndatedTableOffersItsFirstHalfInFileOrder() {
        Dataset wine = TableLoader.load(WINE);
        List<TrainingRows> offered = TrainingRows.of(wine, List.of());
        assertThat(offered).extracting(TrainingRows::label).containsExactly("All 178 rows",
                "The reference rows only: the first 89 of 178 rows in file order");
        assertThat(offered.get(1).chosen()).isEqualTo("the first 89 of 178 rows in file order (the reference of a "
                + "replay without a time column: the first 50%)");
        assertThat(offered.get(1).rows()).hasSize(89).startsWith(0).endsWith(88);
    }

    /** The header and the lines of {@code file} that {@code keep} holds, written to {@code name}. */
    private Path linesOf(Path file, Predicate<String> keep, String name) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.subList(1, lines.size()).stream().filter(keep).forEach(out::add);
        return Files.write(dir.resolve(name), out);
    }

    @Test
    void aQuarterlyReferenceTrainsAsAFileOfThoseRowsAlone() throws Exception {
        Dataset chicago = TableLoader.load(CHICAGO);
        TrainingRows quarter = TrainingRows.of(chicago, replays(chicago, "date")).get(2);
        List<String> features = List.of("temp", "temp_max", "percip", "weather_rain", "weather_snow", "Bulls_Home",
                "Bears_Home", "Cubs_Home");
        ModelCard card = train(chicago, "ridership", features, quarter, "quarter.twinmodel");
        assertThat(card.rowsChosen()).isEqualTo(quarter.chosen());
        // ISO dates compare as text: the lines dated before 2008-10-01.
        Dataset alone = TableLoader.load(linesOf(CHICAGO, l -> l.substring(0, 10).compareTo("2008-10-01") < 0,
                "chicago-reference.csv"));
        assertThat(alone.frame().rowCount()).isEqualTo(2809);
        DataPanelFixture.assertTrainedAsAlone(card, alone, "ridership", Task.REGRESSION);
    }

    @Test
    void anUndatedReferenceTrainsAsAFileOfItsFirstRowsAlone() throws Exception {
        // scikit-learn's diabetes (442 rows, not sorted by its outcome): the first 221 in file order.
        Dataset diabetes = TableLoader.load(DIABETES);
        TrainingRows firstHalf = TrainingRows.of(diabetes, List.of()).get(1);
        assertThat(firstHalf.label()).isEqualTo("The reference rows only: the first 221 of 442 rows in file order");
        List<String> features = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        ModelCard card = train(diabetes, "target", features, firstHalf, "first-half.twinmodel");
        int[] line = {0};
        Dataset alone = TableLoader.load(linesOf(DIABETES, l -> line[0]++ < 221, "diabetes-first-half.csv"));
        assertThat(alone.frame().rowCount()).isEqualTo(221);
        DataPanelFixture.assertTrainedAsAlone(card, alone, "target", Task.REGRESSION);
    }

    @Test
    void theLeakCheckReadsTheRowsChosen() throws Exception {
        // R's penguins as filed (grouped by species): its first 172 rows hold 152 Adelie and 20 Gentoo, a yes/no
        // outcome there, which the flipper length and the bill depth each rank almost perfectly (scikit-learn's
        // roc_auc_score on the 171 measured rows: 0.998675 and 0.996358; the check's limit is 0.99); on every row,
        // three species, no column gives it away (cli.PenguinsGroupedFileTest: 0.815789 against 0.441520).
        Dataset penguins = TableLoader.load(PENGUINS);
        TrainingRows firstHalf = TrainingRows.of(penguins, List.of()).get(1);
        assertThat(firstHalf.rows()).hasSize(172);
        List<String> features = List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex");
        ModelPanelViewModel models = new ModelPanelViewModel(executor, fx);
        List<QualityFinding> onFirstHalf = leaks(models, penguins, firstHalf, features);
        assertThat(onFirstHalf).extracting(f -> f.columns().get(0))
                .containsExactlyInAnyOrder("flipper_length_mm", "bill_depth_mm");
        assertThat(onFirstHalf).extracting(QualityFinding::message).anyMatch(m -> m.contains("ROC AUC 0.999"))
                .anyMatch(m -> m.contains("ROC AUC 0.996"));
        assertThat(leaks(models, penguins, null, features)).isEmpty();
    }

    @Test
    void theTaskIsTheRowsChosensAndSaysWhichClassesTheyNeverHold() {
        // pandas: penguins' first 172 rows hold 152 Adelie and 20 Gentoo, no Chinstrap; training on them makes a
        // yes/no model (TrainingRun decides the task on the rows chosen), which the dialog now says.
        Dataset penguins = TableLoader.load(PENGUINS);
        TrainingRows firstHalf = TrainingRows.of(penguins, List.of()).get(1);
        var all = penguins.frame().column("species");
        var chosen = firstHalf.of(penguins.frame()).column("species");
        assertThat(Task.of(chosen)).contains(Task.BINARY);
        assertThat(TrainModelDialog.describe(all, chosen, Task.BINARY)).isEqualTo("two values ('Adelie', 'Gentoo'): "
                + "a yes/no classification; the rows chosen never hold 'Chinstrap', which a model trained on them could "
                + "never answer");
        assertThat(TrainModelDialog.describe(all, all, Task.MULTICLASS)).isEqualTo("3 classes: a multiclass "
                + "classification");
    }

    private List<QualityFinding> leaks(ModelPanelViewModel models, Dataset data, TrainingRows rows,
                                       List<String> features) throws InterruptedException {
        AtomicReference<List<QualityFinding>> found = new AtomicReference<>();
        models.checkLeaks(data, "species", rows, features, found::set);
        fx.runUntil(() -> found.get() != null, "checked");
        return found.get();
    }

    private ModelCard train(Dataset data, String target, List<String> features, TrainingRows rows, String name)
            throws Exception {
        ModelPanelViewModel models = new ModelPanelViewModel(executor, fx);
        Path out = dir.resolve(name);
        models.train(new TrainRequest(Algorithm.LOGISTIC, target, 1,
                ModelPanelViewModel.DEFAULT_HOLDOUT_SHARE, true, rows, out), data, features);
        fx.runUntil(() -> !models.busyProperty().get(), "trained");
        assertThat(models.errorProperty().get()).isEmpty();
        assertThat(models.fileProperty().get()).isEqualTo(out);
        return models.modelProperty().get().card();
    }
}
