package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.graph.GraphCanvasViewModel;

/** The data and model panel's logic without the toolkit: proposed roles, masking, and files onto the canvas. */
class DataModelPanelViewModelTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    private static Dataset table() {
        return new Dataset(new Frame(List.of(
                CategoricalColumn.of("code", new String[] {"AB12", "CD34", "EF56"}),
                new NumericColumn("score", new double[] {1, 2, 3}),
                new NumericColumn("flag", new double[] {0, 1, Double.NaN}),
                CategoricalColumn.of("colour", new String[] {"red", "blue", "green"}))),
                new DataProvenance("t.csv", "abc", 3, 4));
    }

    @Test
    void theTargetGuessIsTheLastColumnWithTwoValues() {
        // "colour" has three values; "flag" has two (0 and 1) besides a missing cell.
        assertThat(ProposedSchema.guessTarget(table().frame())).isEqualTo("flag");
        Frame none = new Frame(List.of(new NumericColumn("x", new double[] {1, 2, 3})));
        assertThat(ProposedSchema.guessTarget(none)).isNull();
        Schema proposed = ProposedSchema.propose(table(), Map.of());
        assertThat(proposed.target()).contains("flag");
        assertThat(proposed.find("flag").orElseThrow().reason()).isEqualTo(ProposedSchema.TARGET_GUESS);
    }

    @Test
    void theUsersRolesWinOverTheProposal() {
        Schema proposed = ProposedSchema.propose(table(),
                Map.of("score", ColumnRole.TARGET, "code", ColumnRole.PII));
        assertThat(proposed.target()).contains("score");
        assertThat(proposed.role("flag")).isEqualTo(ColumnRole.FEATURE);
        assertThat(proposed.role("code")).isEqualTo(ColumnRole.PII);
    }

    @Test
    void aColumnTheUserMarksAsPersonalIsMaskedInThePreview() {
        Dataset data = table();
        Schema schema = ProposedSchema.propose(data, Map.of("code", ColumnRole.PII));
        Frame preview = ProposedSchema.maskedPreview(data.frame(), schema);
        // A fixed-width mask and the last two: the mask does not tell the value's length.
        assertThat(BinaryLabels.text(preview.column("code"), 0)).isEqualTo("***12");
        assertThat(BinaryLabels.text(preview.column("colour"), 1)).isEqualTo("blue");
    }

    @Test
    void aFindingListsItsColumnsAndTheFirstRowsCountedFromOne() {
        QualityFinding finding = new QualityFinding(QualityFinding.Severity.WARNING, "missing", "m",
                List.of("income"), new int[] {0, 4, 9, 10, 11, 12, 13, 14, 15, 16}, 1234);
        assertThat(FindingCell.involved(finding))
                .isEqualTo("column income  ·  rows 1, 5, 10, 11, 12, 13, 14, 15 … (1,234 in all)");
        QualityFinding columns = new QualityFinding(QualityFinding.Severity.INFO, "constant", "m",
                List.of("a", "b"), new int[0], 0);
        assertThat(FindingCell.involved(columns)).isEqualTo("columns a, b");
    }

    @Test
    void filesGoOnTheCanvasAsOneUndoableEditEach() {
        ScenarioDocument document = new ScenarioDocument(dir);
        GraphCanvasViewModel canvas = new GraphCanvasViewModel(document);
        DataModelPanelViewModel panel = new DataModelPanelViewModel(executor, Runnable::run, document, canvas);
        document.reset(SampleScenarios.loansRecession(1), dir.resolve("s.twin.json"));
        int nodes = document.scenario().nodes().size();

        String id = panel.placeOnCanvas(dir.resolve("data").resolve("new.csv"), 40, 500);
        assertThat(document.scenario().node(id).orElseThrow().params())
                .containsEntry("path", "data/new.csv").containsEntry("batch_size", 500L);
        assertThat(canvas.selection()).containsExactly(id);
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Add Dataset new.csv");
        document.history().undo();
        assertThat(document.scenario().nodes()).hasSize(nodes);

        Path model = Path.of("/elsewhere/m.twinmodel");
        assertThat(panel.pointNodeAt("loans", model)).as("a dataset node does not read models").isFalse();
        var edges = document.scenario().edges();
        String oldModel = document.scenario().nodes().stream().filter(n -> NodeCatalog.MODELS.contains(n.type()))
                .findFirst().orElseThrow().id();
        String modelNode = panel.useInScenario(model);
        // The model is replaced in place: same node, same edges, one model, so Run is not refused.
        assertThat(modelNode).isEqualTo(oldModel);
        assertThat(document.scenario().edges()).isEqualTo(edges);
        assertThat(document.scenario().nodes()).filteredOn(n -> NodeCatalog.MODELS.contains(n.type())).hasSize(1);
        assertThat(document.scenario().node(modelNode).orElseThrow().type()).isEqualTo(NodeCatalog.MODEL_BUNDLE);
        assertThat(document.scenario().node(modelNode).orElseThrow().params())
                .containsEntry("path", model.toAbsolutePath().toString());
        assertThat(panel.useInScenario(dir.resolve("other.csv"))).isEqualTo("loans");
        assertThat(document.scenario().node("loans").orElseThrow().params()).containsEntry("path", "other.csv");
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Use other.csv in loans");
    }
}
