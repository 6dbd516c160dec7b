package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelException;
import org.twinbench.model.OnnxTaskModel;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * {@code validate} means {@code run} will start for an ONNX export with whole-number and yes/no inputs
 * ({@code diabetes-typed.onnx} of {@code make_exported_onnx.py}: "age" float, "sex" int32, "high_bp" bool, no
 * sidecar): the outcome column is asked for when the file names none; a fraction in an int32 column is named
 * with its data row by {@code validate} (in the rows it reads) and by {@code run} before the first step (in
 * every row); a missing-values perturbation on that column is refused by both; a perturbation that moves it
 * is told and its fractions rounded, scoring as ONNX Runtime scored the whole values in Python.
 */
class OnnxTypedInputsRunTest {

    @TempDir
    Path dir;
    private Frame typed;
    private double[] expected;

    @BeforeEach
    void copyModel() throws IOException, URISyntaxException {
        for (String name : List.of("diabetes-typed.onnx", "diabetes-typed.csv")) {
            Files.copy(Path.of(getClass().getResource("/onnx-exported/" + name).toURI()), dir.resolve(name));
        }
        typed = TableLoader.load(dir.resolve("diabetes-typed.csv")).frame();
        expected = TableLoader.load(Path.of(getClass().getResource("/onnx-exported/diabetes-typed-expected.csv")
                .toURI())).frame().numeric("variable").values();
    }

    /** The typed table repeated {@code copies} times, its "sex" column as decimals, one value made 1.5. */
    private void writeWithFraction(String name, int copies, int pandasIndex) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("diabetes-typed.csv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int c = 0; c < copies; c++) {
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                cells[1] = out.size() - 1 == pandasIndex ? "1.5" : cells[1] + ".0";
                out.add(String.join(",", cells));
            }
        }
        Files.write(dir.resolve(name), out);
    }

    private static Scenario scenario(String data, Map<String, Object> model, ScenarioNode perturbation) {
        List<ScenarioNode> nodes = new ArrayList<>();
        nodes.add(new ScenarioNode("src", NodeCatalog.DATASET_SOURCE, Map.of("path", data, "batch_size", 40L,
                "steps", 8L, "reference_share", 0.3), 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>();
        if (perturbation != null) {
            nodes.add(perturbation);
            edges.add(new ScenarioEdge("src", perturbation.id()));
            edges.add(new ScenarioEdge(perturbation.id(), "m"));
        } else {
            edges.add(new ScenarioEdge("src", "m"));
        }
        nodes.add(new ScenarioNode("m", NodeCatalog.ONNX_MODEL, model, 200, 0));
        nodes.add(new ScenarioNode("perf", NodeCatalog.PERFORMANCE_MONITOR, Map.of(), 400, 0));
        edges.add(new ScenarioEdge("m", "perf"));
        return new Scenario("typed", "", 1, nodes, edges);
    }

    private static Map<String, Object> model(String target) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", "diabetes-typed.onnx");
        if (target != null) {
            params.put("target", target);
        }
        return params;
    }

    @Test
    void anExportWithoutSidecarAsksForItsOutcomeColumnAndRunsOnceTheNodeNamesIt() {
        ScenarioCheck.Report report = ScenarioCheck.check(scenario("diabetes-typed.csv", model(null), null), dir);
        assertThat(report.lines()).containsExactly("node m (model.onnx) parameter target: the model names no outcome "
                + "column (its .onnx.json sidecar gives no \"target\"); set target to the column it predicts");
        assertThat(report.problems().get(0).parameter()).isEqualTo("target");

        assertThat(ScenarioCheck.check(scenario("diabetes-typed.csv", model("outcome"), null), dir).lines())
                .containsExactly("node m (model.onnx) parameter target: the data has no column \"outcome\"");

        Scenario named = scenario("diabetes-typed.csv", model("target"), null);
        assertThat(ScenarioCheck.check(named, dir).runnable()).isTrue();
        try (SimulationPlan plan = ScenarioCompiler.compile(named, dir, new RunListener() { })) {
            assertThat(plan.model().card().target()).isEqualTo("target");
            List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl())
                    .replicates().get(0);
            assertThat(steps).hasSize(8);
        }
    }

    @Test
    void aFractionInAWholeNumberColumnIsNamedByValidateInTheRowsItReadsAndByRunInEveryRow() throws IOException {
        int open = OnnxTaskModel.openSessions();
        // pandas: d.loc[300, 'sex'] = 1.5 -> data row 301, within the 2,000 rows validate reads
        writeWithFraction("near.csv", 1, 300);
        assertThat(ScenarioCheck.check(scenario("near.csv", model("target"), null), dir).lines())
                .containsExactly("node m (model.onnx) parameter path: does not fit the data: column 'sex' holds 1.5 in"
                        + " data row 301; ONNX input 'sex' takes whole numbers (int32)");

        // six copies of the 442 rows, d.loc[2500, 'sex'] = 1.5: past the rows validate reads, found before step 0
        writeWithFraction("far.csv", 6, 2500);
        Scenario far = scenario("far.csv", model("target"), null);
        assertThat(ScenarioCheck.check(far, dir).runnable()).isTrue();
        assertThatThrownBy(() -> ScenarioCompiler.compile(far, dir, new RunListener() { }).close())
                .isInstanceOf(ScenarioException.class)
                .hasMessage("node m: far.csv: column 'sex' holds 1.5 in data row 2501; ONNX input 'sex' takes whole "
                        + "numbers (int32)");
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(open);
    }

    @Test
    void missingValuesOnAWholeNumberInputAreRefusedBeforeTheRun() {
        ScenarioNode missing = new ScenarioNode("gaps", NodeCatalog.MISSING_VALUES, Map.of("columns",
                List.of("age", "sex"), "rate", 0.2), 100, 0);
        Scenario scenario = scenario("diabetes-typed.csv", model("target"), missing);
        String line = "node gaps (perturbation.missing-values) parameter columns: \"sex\" fills a int32 input of the "
                + "model of node m, which cannot hold a missing value; the run would stop at the first row made "
                + "missing (leave the column out, or export the model with a float input)";
        assertThat(ScenarioCheck.check(scenario, dir).lines()).containsExactly(line);
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario, dir, new RunListener() { }).close())
                .isInstanceOf(ScenarioException.class).hasMessage(line);
    }

    @Test
    void aMovedWholeNumberColumnIsToldAndItsFractionsRoundedAsPythonScoredTheWholeValues() {
        ScenarioNode noise = new ScenarioNode("noise", NodeCatalog.GAUSSIAN_NOISE, Map.of("columns", List.of("sex"),
                "sd", 0.5), 100, 0);
        Scenario scenario = scenario("diabetes-typed.csv", model("target"), noise);
        assertThat(ScenarioCheck.check(scenario, dir).runnable()).isTrue();
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { })) {
            assertThat(plan.notes().notes()).contains("node noise moves 'sex', which the ONNX model takes as whole "
                    + "numbers: the moved values are rounded to the nearest whole number as the model is fed");
            assertThat(Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0))
                    .hasSize(8);

            // sex + 0.3 and sex - 0.4 round back to sex: the amounts onnxruntime gave for the whole values
            Regressor model = (Regressor) plan.model();
            double[] sex = typed.numeric("sex").values();
            for (double offset : new double[] {0.3, -0.4}) {
                double[] moved = new double[sex.length];
                for (int i = 0; i < sex.length; i++) {
                    moved[i] = sex[i] + offset;
                }
                double[] amounts = model.predict(typed.with(new NumericColumn("sex", moved)));
                for (int i = 0; i < expected.length; i++) {
                    assertThat(amounts[i]).as("row %d", i + 1).isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i])));
                }
            }
        }
    }

    /**
     * A student, or an extraction attack with a logistic copy, on a regression model: validate says what run would
     * refuse, in its words.
     */
    @Test
    void aStudentOrAnExtractionOnAModelOfAmountsIsRefusedByValidateAsByRun() {
        ScenarioNode served = new ScenarioNode("edge", NodeCatalog.DEPLOYMENT, Map.of("student", "tree"), 300, 0);
        ScenarioNode thief = new ScenarioNode("thief", NodeCatalog.EXTRACTION_ATTACK, Map.of(), 400, 100);
        Scenario base = scenario("diabetes-typed.csv", model("target"), null);
        List<ScenarioNode> nodes = new ArrayList<>(base.nodes());
        nodes.add(served);
        nodes.add(thief);
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("m", "edge"));
        edges.add(new ScenarioEdge("edge", "thief"));
        Scenario scenario = new Scenario("typed", "", 1, nodes, edges);
        String student = "node edge (deployment.endpoint) parameter student: a student is distilled from a binary "
                + "model; this model is a regression model";
        String extraction = "node thief (attack.extraction) parameter surrogate: a model of amounts is copied by ridge "
                + "or tree, not logistic";
        assertThat(ScenarioCheck.check(scenario, dir).lines()).containsExactly(student, extraction);
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario, dir, new RunListener() { }).close())
                .isInstanceOf(ScenarioException.class).hasMessageContaining(student);
    }

    @Test
    void aValueRefusedDuringTheRunIsNamedAsARowOfTheStepsBatchNotOfTheFile() {
        try (OnnxTaskModel onnx = OnnxTaskModel.load(dir.resolve("diabetes-typed.onnx"))) {
            TaskModel scoring = ScenarioModel.conforming(onnx, "node m");
            double[] sex = typed.numeric("sex").values().clone();
            sex[6] = Double.NaN;
            Frame batch = typed.with(new NumericColumn("sex", sex));
            assertThatThrownBy(() -> ((Regressor) scoring).predict(batch)).isInstanceOf(ModelException.class)
                    .hasMessage("node m: column 'sex' has no value in row 7 of a step's batch; ONNX input 'sex' takes "
                            + "whole numbers (int32), which cannot be missing");
        }
    }
}
