package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.TableHead;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * The scenario check finds what would stop {@code run}, every problem at once, against the sample data
 * ({@code sample-data/loans.csv}: region is text, age and income are numbers, the label is defaulted).
 */
class ScenarioCheckTest {

    private static final Path SAMPLES = Path.of("sample-data");

    private static Scenario retrain() {
        return SampleScenarios.loansRecessionWithRetraining(1);
    }

    private static Scenario set(Scenario scenario, String id, String param, Object value) {
        return scenario.withNode(scenario.node(id).orElseThrow().withParam(param, value));
    }

    @Test
    void everyProblemIsFoundAtOnceNamingNodeParameterAndColumn() {
        Scenario broken = set(retrain(), "recession", "column", "region");
        broken = set(broken, "new-region", "column", "age");
        broken = set(broken, "feature-drift", "features", List.of("income", "salary"));
        broken = set(broken, "accuracy-by-region", "slices", List.of("region", "regoin"));
        Scenario withOnnx = broken.withNode(new ScenarioNode("credit-model", NodeCatalog.ONNX_MODEL,
                Map.of("path", "loans-logistic.onnx"), 0, 0));

        ScenarioCheck.Report report = ScenarioCheck.check(withOnnx, SAMPLES);

        assertThat(report.lines()).containsExactly(
                "node recession (perturbation.covariate-shift) parameter column: \"region\" is text; Covariate shift"
                        + " needs a numeric column",
                "node new-region (perturbation.category-mix) parameter column: \"age\" is numeric; Category mix shift"
                        + " needs a categorical (text) column",
                "node accuracy-by-region (monitor.slice-metrics) parameter slices: the data has no column \"regoin\""
                        + " (did you mean \"region\"?)",
                "node feature-drift (monitor.feature-drift) parameter features: the data has no column \"salary\"",
                "node retrain (policy.retrain): cannot retrain the model of node credit-model (ONNX models and logged"
                        + " scores cannot be refitted in TwinBench); use a .twinmodel or logistic model node, or remove"
                        + " the retrain policy");
        assertThat(report.problems()).extracting(ScenarioCheck.Problem::node, ScenarioCheck.Problem::parameter,
                ScenarioCheck.Problem::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recession", "column", "region"),
                        org.assertj.core.groups.Tuple.tuple("new-region", "column", "age"),
                        org.assertj.core.groups.Tuple.tuple("accuracy-by-region", "slices", "regoin"),
                        org.assertj.core.groups.Tuple.tuple("feature-drift", "features", "salary"),
                        org.assertj.core.groups.Tuple.tuple("retrain", null, null));
        // run refuses with the same lines, before loading the whole table or training anything.
        assertThatThrownBy(() -> ScenarioCompiler.compile(withOnnx, SAMPLES, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessage(String.join("\n", report.lines()));
    }

    @Test
    void aMissingDataFileIsNamedOnTheSourcesPath() {
        Scenario broken = set(retrain(), "loans", "path", "gone.csv");
        assertThat(ScenarioCheck.check(broken, SAMPLES).lines()).containsExactly(
                "node loans (source.dataset) parameter path: " + SAMPLES.resolve("gone.csv") + ": file not found");
    }

    @Test
    void aMissingModelFileAndAMissingLabelColumnAreNamed() {
        Scenario noModel = retrain().withNode(new ScenarioNode("credit-model", NodeCatalog.MODEL_BUNDLE,
                Map.of("path", "gone.twinmodel"), 0, 0));
        assertThat(ScenarioCheck.check(noModel, SAMPLES).lines()).containsExactly(
                "node credit-model (model.bundle) parameter path: model file " + SAMPLES.resolve("gone.twinmodel")
                        + " not found");
        Scenario noLabel = set(retrain(), "credit-model", "target", "default");
        ScenarioCheck.Report report = ScenarioCheck.check(noLabel, SAMPLES);
        assertThat(report.lines()).containsExactly("node credit-model (model.logistic) parameter target: the data has"
                + " no column \"default\" (did you mean \"defaulted\"?)");
        assertThat(report.problems().get(0).column()).isEqualTo("default");
    }

    @Test
    void structuralProblemsAndDataProblemsComeTogether() {
        Scenario broken = set(retrain(), "recession", "scale", "x");
        broken = set(broken, "new-region", "column", "regoin");
        assertThat(ScenarioCheck.check(broken, SAMPLES).lines()).containsExactly(
                "node recession: parameter 'scale' must be a number, not 'x'",
                "node new-region (perturbation.category-mix) parameter column: the data has no column \"regoin\""
                        + " (did you mean \"region\"?)");
    }

    @Test
    void aRunnableScenarioHasNoProblemAndReportsTheDataColumnsWithTheirKinds() {
        ScenarioCheck.Report report = ScenarioCheck.check(retrain(), SAMPLES);
        assertThat(report.runnable()).isTrue();
        assertThat(report.columns()).containsEntry("region", ValueKind.TEXT).containsEntry("age", ValueKind.NUMBER)
                .containsEntry("applied_on", ValueKind.DATE).hasSize(11);
        ScenarioCheck.Report sea = ScenarioCheck.check(SampleScenarios.seaDetectors(1), SAMPLES);
        assertThat(sea.runnable()).isTrue();
        assertThat(sea.columns().keySet()).containsExactly("x1", "x2", "x3", "class");
    }

    @Test
    void theHeadOfABigFileIsItsFirstRowsOnly(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        // Text far below the head: the head reads the column as numbers, the whole file as text.
        csv.append("late,yes\n");
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        TableHead head = TableHead.read(file, ScenarioCheck.SAMPLE_ROWS);
        assertThat(head.whole()).isFalse();
        assertThat(head.sample().frame().rowCount()).isEqualTo(ScenarioCheck.SAMPLE_ROWS);
        assertThat(head.sample().kind("x")).isEqualTo(ValueKind.NUMBER);
        TableHead all = TableHead.read(file, 10_000);
        assertThat(all.whole()).isTrue();
        assertThat(all.sample().frame().rowCount()).isEqualTo(5001);
        assertThat(all.sample().kind("x")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void aShareThatLeavesTooFewReferenceRowsIsFoundOnABigFileToo() {
        // 20,000 rows: a share of 0.0004 leaves 8 reference rows (the first 2,000 alone would leave 1).
        Scenario tiny = set(retrain(), "loans", "reference_share", 0.0004);
        assertThat(ScenarioCheck.check(tiny, SAMPLES).lines()).containsExactly("node loans (source.dataset) parameter"
                + " reference_share: the data has 20000 rows, too few to split into reference (at least 10 rows) and"
                + " production");
        assertThat(ScenarioCheck.check(set(retrain(), "loans", "reference_share", 0.001), SAMPLES).runnable())
                .isTrue();
    }
}
