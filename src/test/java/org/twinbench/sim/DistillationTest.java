package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.Distillation;
import org.twinbench.model.DistilledModel;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TreeStudent;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.WilsonInterval;

/**
 * A deployment that serves a logistic student distilled from its model: on a known linear rule and on
 * scikit-learn's breast cancer data, the student decides as its teacher does and is as accurate (within a 95%
 * Wilson interval), in a file a fraction of a forest's size; the run records the served model's size.
 */
class DistillationTest {

    @TempDir
    Path dir;

    /** Rows with a linear rule: y = 1 with probability σ(2 x1 - 1.5 x2 + 0.5 x3). */
    private Frame generated(int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y"));
        for (int i = 0; i < rows; i++) {
            double x1 = Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            double x3 = Seeds.gaussian(random);
            double z = 2 * x1 - 1.5 * x2 + 0.5 * x3;
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%s", x1, x2, x3,
                    random.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no"));
        }
        Path file = dir.resolve("generated-" + seed + ".csv");
        Files.write(file, lines);
        return TableLoader.load(file).frame();
    }

    private static double accuracy(BinaryClassifier model, Frame rows, String target, String positive) {
        return ClassificationMetrics.compute(BinaryLabels.encode(rows.column(target), positive),
                model.scorePositive(rows), 0.5).accuracy();
    }

    private static double agreement(BinaryClassifier a, BinaryClassifier b, Frame rows) {
        double[] x = a.scorePositive(rows);
        double[] y = b.scorePositive(rows);
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            same += (x[i] >= 0.5) == (y[i] >= 0.5) ? 1 : 0;
        }
        return (double) same / x.length;
    }

    private static BinaryClassifier forest(Frame rows, String target, List<String> features, String positive) {
        return ModelTrainer.train(rows, new TrainingOptions(Algorithm.RANDOM_FOREST, target, features, positive, 7,
                100, "test", 0));
    }

    @Test
    void aLogisticTeachersStudentIsTheTeacher() throws IOException {
        Frame train = generated(3000, 1);
        Frame test = generated(2000, 2);
        LogisticModel teacher = ModelTrainer.trainLogistic(train, "y", List.of("x1", "x2", "x3"), "yes", 3, "t");
        LogisticModel student = Distillation.logisticStudent(teacher, train);
        assertThat(agreement(teacher, student, test)).isGreaterThan(0.995);
    }

    @Test
    void aForestsStudentIsAsAccurateInAFractionOfTheSpace() throws IOException {
        Frame train = generated(3000, 1);
        Frame test = generated(2000, 2);
        List<String> features = List.of("x1", "x2", "x3");
        BinaryClassifier teacher = forest(train, "y", features, "yes");
        LogisticModel student = Distillation.logisticStudent(teacher, train);
        double teacherAccuracy = accuracy(teacher, test, "y", "yes");
        double studentAccuracy = accuracy(student, test, "y", "yes");
        // The rule is linear: the student loses nothing beyond the noise of 2,000 rows (often it gains).
        assertThat(studentAccuracy).isGreaterThanOrEqualTo(WilsonInterval.of(teacherAccuracy, 2000)[0]);
        assertThat(Distillation.fileBytes(student) * 50).isLessThan(Distillation.fileBytes(teacher));
        assertThat(Distillation.nanosPerRow(student, test)).isPositive();
    }

    @Test
    void breastCancerForestDistilsIntoALogisticStudent() throws IOException {
        Frame all = TableLoader.load(Path.of("src/test/resources/mission/breast.csv")).frame();
        int[] order = new int[all.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) ((i * 7919L) % order.length);
        }
        Frame shuffled = all.select(order);
        Frame train = shuffled.slice(0, 400);
        Frame test = shuffled.slice(400, shuffled.rowCount());
        List<String> features = new ArrayList<>(all.columnNames());
        features.remove("diagnosis");
        BinaryClassifier teacher = forest(train, "diagnosis", features, "malignant");
        LogisticModel student = Distillation.logisticStudent(teacher, train);
        double teacherAccuracy = accuracy(teacher, test, "diagnosis", "malignant");
        assertThat(accuracy(student, test, "diagnosis", "malignant"))
                .isGreaterThanOrEqualTo(WilsonInterval.of(teacherAccuracy, test.rowCount())[0]);
        assertThat(agreement(teacher, student, test)).isGreaterThan(0.93);
    }

    private Scenario scenario(Map<String, Object> endpoint, boolean retrain) {
        List<ScenarioNode> nodes = new ArrayList<>(List.of(
                new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "generated-3.csv",
                        "batch_size", 500L, "steps", 8L, "replace", true), 0, 0),
                new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path", "forest.twinmodel"), 0, 0),
                new ScenarioNode("endpoint", NodeCatalog.DEPLOYMENT, new LinkedHashMap<>(endpoint), 0, 0)));
        List<ScenarioEdge> edges = new ArrayList<>(List.of(new ScenarioEdge("data", "model"),
                new ScenarioEdge("model", "endpoint")));
        if (retrain) {
            nodes.add(new ScenarioNode("retrain", NodeCatalog.RETRAIN_POLICY, Map.of("trigger", "schedule",
                    "every_steps", 3L, "window_steps", 2L, "cooldown_steps", 0L, "rollback", false), 0, 0));
            edges.add(new ScenarioEdge("retrain", "model"));
        }
        return new Scenario("distilled", "", 5, nodes, edges);
    }

    @Test
    void theRunServesTheStudentAndRecordsItsSize() throws IOException {
        Frame rows = generated(6000, 3);
        ModelBundle.write(forest(rows.slice(0, 3000), "y", List.of("x1", "x2", "x3"), "yes"),
                dir.resolve("forest.twinmodel"));
        List<String> notes = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onNote(String note) {
                notes.add(note);
            }
        };
        SimulationPlan cloud = ScenarioCompiler.compile(scenario(Map.of(), false), dir, listener);
        SimulationPlan edge = ScenarioCompiler.compile(scenario(Map.of("student", "logistic"), false), dir, listener);
        assertThat(edge.model()).isInstanceOf(DistilledModel.class);
        assertThat(((DistilledModel) edge.model()).student()).isInstanceOf(LogisticModel.class);
        DistilledModel served = (DistilledModel) edge.model();
        assertThat(notes).contains(String.format(java.util.Locale.ROOT, "node endpoint: a logistic regression learnt "
                + "from the random-forest model, served in its place: scores in %.2f of the time, agrees on %.1f%% of "
                + "the %,d rows it learnt from; %,d bytes against %,d", served.speedRatio(), 100 * served.agreement(),
                served.rows(), served.studentBytes(), Files.size(dir.resolve("forest.twinmodel"))));
        List<StepResult> teacherSteps = Experiment.run(cloud, 1, 1, listener, new RunControl()).replicates().get(0);
        List<StepResult> studentSteps = Experiment.run(edge, 1, 1, listener, new RunControl()).replicates().get(0);
        double teacherBytes = teacherSteps.get(0).measures().get("model_bytes");
        double studentBytes = studentSteps.get(0).measures().get("model_bytes");
        assertThat(teacherBytes).isEqualTo(Files.size(dir.resolve("forest.twinmodel")));
        assertThat(studentBytes * 50).isLessThan(teacherBytes);
        for (int step = 0; step < 4; step++) {
            double teacherAccuracy = teacherSteps.get(step).overall().accuracy();
            Map<String, Double> measures = studentSteps.get(step).measures();
            assertThat(studentSteps.get(step).overall().accuracy())
                    .isGreaterThanOrEqualTo(WilsonInterval.of(teacherAccuracy, 500)[0]);
            // The teacher is measured beside its student on the same rows: the cloud run's figures exactly.
            assertThat(measures.get("teacher_accuracy")).isEqualTo(teacherAccuracy);
            assertThat(measures.get("teacher_bytes")).isEqualTo(teacherBytes);
            assertThat(measures.get("student_fidelity")).isGreaterThan(0.9);
            assertThat(measures.get("student_us_per_row")).isPositive();
        }
    }

    @Test
    void aRetrainedTeacherIsDistilledAgain() throws IOException {
        Frame rows = generated(6000, 3);
        ModelBundle.write(forest(rows.slice(0, 3000), "y", List.of("x1", "x2", "x3"), "yes"),
                dir.resolve("forest.twinmodel"));
        SimulationPlan plan = ScenarioCompiler.compile(scenario(Map.of("student", "tree", "student_depth", 2L), true),
                dir, new RunListener() { });
        assertThat(((DistilledModel) plan.model()).student()).isInstanceOf(TreeStudent.class);
        List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
        int retrainedAt = steps.stream().filter(s -> s.alarms().stream().anyMatch(a -> Alarm.RETRAIN.equals(a.kind())))
                .mapToInt(StepResult::step).findFirst().orElseThrow();
        // Every step after the retrain still serves a student of the new teacher, distilled and timed again.
        for (StepResult step : steps) {
            assertThat(step.measures()).containsKeys("student_fidelity", "teacher_accuracy", "distil_ms");
        }
        double before = steps.get(retrainedAt).measures().get("distil_ms");
        double after = steps.get(retrainedAt + 1).measures().get("distil_ms");
        assertThat(after).isNotEqualTo(before);
        // The retrained teacher has no file of its own: its size is that of its bundle as TwinBench writes it.
        assertThat(steps.get(retrainedAt + 1).measures().get("teacher_bytes"))
                .isNotEqualTo(steps.get(0).measures().get("teacher_bytes"));
    }
}
