package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;

/**
 * The two students of {@link Distillation} against independent answers: scikit-learn's same students fitted to
 * the same teacher scores of breast cancer rows ({@code mission/make_distillation.py}: a random forest's scores;
 * {@code DecisionTreeRegressor(max_depth=k)} for the tree student, the soft-target logistic regression for the
 * logistic one), and generated rows whose teacher has a known boundary, where a one-cut tree's fidelity is known in
 * closed form.
 */
class DistillationStudentsTest {

    private static final Path DIR = Path.of("src/test/resources/mission");

    private static double[] column(Frame frame, String name) {
        NumericColumn column = frame.numeric(name);
        double[] out = new double[frame.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.get(i);
        }
        return out;
    }

    private static double agreement(double[] a, double[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += (a[i] >= 0.5) == (b[i] >= 0.5) ? 1 : 0;
        }
        return (double) same / a.length;
    }

    /**
     * make_distillation.py's breast cancer rows: the first 400 train the students on the teacher's scores, the
     * rest test them; the card is the teacher's.
     */
    record Breast(Frame train, Frame test, double[] teacherTrain, double[] teacherTest, ModelCard card) {
        static Breast load() throws IOException {
            Frame all = TableLoader.load(DIR.resolve("distil-breast.csv")).frame();
            List<String> features = new ArrayList<>(all.columnNames());
            features.remove("diagnosis");
            features.remove("teacher");
            Frame train = all.slice(0, 400);
            Frame test = all.slice(400, all.rowCount());
            return new Breast(train, test, column(train, "teacher"), column(test, "teacher"), new ModelCard(
                    "random-forest", "diagnosis", "malignant", features, "sha", 400, Map.of()));
        }
    }

    @Test
    void breastCancerStudentsEqualScikitLearnsOnTheSameTeacherScores() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("distil-breast.json").toFile());
        Breast breast = Breast.load();
        Frame train = breast.train();
        Frame test = breast.test();
        double[] teacherTrain = breast.teacherTrain();
        double[] teacherTest = breast.teacherTest();
        ModelCard card = breast.card();
        for (int depth : new int[] {1, 2, 3, 5}) {
            TreeStudent tree = Distillation.treeStudent(card, train, teacherTrain, depth);
            JsonNode reference = expected.get("tree_d" + depth);
            double[] fitted = tree.scorePositive(train);
            for (int i = 0; i < fitted.length; i++) {
                assertThat(fitted[i]).as("depth %d training row %d", depth, i)
                        .isCloseTo(reference.get("train_scores").get(i).asDouble(), within(1e-12));
            }
            assertThat(tree.nodes()).isEqualTo(reference.get("nodes").asInt());
            double[] scores = tree.scorePositive(test);
            double fidelity = agreement(scores, teacherTest);
            if (reference.get("ties").asBoolean()) {
                // Tied cuts: scikit-learn's choice among them depends on its random order of the features.
                assertThat(fidelity).isBetween(reference.get("fidelity_range").get(0).asDouble(),
                        reference.get("fidelity_range").get(1).asDouble());
                continue;
            }
            for (int i = 0; i < scores.length; i++) {
                assertThat(scores[i]).as("depth %d row %d", depth, i)
                        .isCloseTo(reference.get("scores").get(i).asDouble(), within(1e-12));
            }
            assertThat(fidelity).isEqualTo(reference.get("fidelity").asDouble());
        }
        LogisticModel logistic = Distillation.logisticStudent(card, train, teacherTrain);
        double[] scores = logistic.scorePositive(test);
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).isCloseTo(expected.get("logistic").get("scores").get(i).asDouble(), within(1e-6));
        }
        assertThat(agreement(scores, teacherTest)).isEqualTo(expected.get("logistic").get("fidelity").asDouble());
    }

    /** Standard normal x1, x2 and a teacher σ(20·(a·x1 + b·x2 - c)). */
    private static Frame normals(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = gaussian(random);
            x2[i] = gaussian(random);
        }
        return new Frame(List.of(new NumericColumn("x1", x1), new NumericColumn("x2", x2)));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] teacher(Frame rows, double a, double b, double c) {
        double[] x1 = column(rows, "x1");
        double[] x2 = column(rows, "x2");
        double[] out = new double[x1.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 / (1 + Math.exp(-20 * (a * x1[i] + b * x2[i] - c)));
        }
        return out;
    }

    @Test
    void aKnownBoundaryIsLearntAsFarAsEachStudentCanDrawIt() {
        Frame train = normals(4000, 1);
        Frame test = normals(20000, 2);
        ModelCard card = new ModelCard("logistic", "y", "yes", List.of("x1", "x2"), "sha", 4000, Map.of());
        double se = Math.sqrt(0.25 / 20000);

        // An axis-aligned boundary x1 > 0.3: one cut draws it, close to 0.3.
        double[] straight = teacher(train, 1, 0, 0.3);
        TreeStudent stump = Distillation.treeStudent(card, train, straight, 1);
        assertThat(agreement(stump.scorePositive(test), teacher(test, 1, 0, 0.3))).isGreaterThan(0.99);

        // The diagonal x1 + x2 > 0: one axis cut agrees with it on 1 - (π/4)/π = 3/4 of normal rows.
        double[] diagonal = teacher(train, 1, 1, 0);
        double[] truth = teacher(test, 1, 1, 0);
        double one = agreement(Distillation.treeStudent(card, train, diagonal, 1).scorePositive(test), truth);
        assertThat(one).isCloseTo(0.75, within(4 * se + 0.01));
        // Deeper trees draw a staircase along it; the logistic student draws it exactly.
        double three = agreement(Distillation.treeStudent(card, train, diagonal, 3).scorePositive(test), truth);
        double six = agreement(Distillation.treeStudent(card, train, diagonal, 6).scorePositive(test), truth);
        assertThat(three).isGreaterThan(one + 0.05);
        assertThat(six).isGreaterThan(three);
        assertThat(agreement(Distillation.logisticStudent(card, train, diagonal).scorePositive(test), truth))
                .isGreaterThan(0.99);
    }

    @Test
    void aTreeStudentIsWrittenAsABundleAFractionOfItsTeachersSize() {
        Frame train = normals(3000, 3);
        double[] scores = teacher(train, 1, 1, 0);
        ModelCard card = new ModelCard("logistic", "y", "yes", List.of("x1", "x2"), "sha", 3000, Map.of());
        TreeStudent tree = Distillation.treeStudent(card, train, scores, 3);
        assertThat(tree.depth()).isEqualTo(3);
        assertThat(tree.nodes()).isEqualTo(15);
        long bytes = Distillation.fileBytes(tree);
        assertThat(bytes).isPositive();
        assertThat(tree.card().algorithm()).isEqualTo(TreeStudent.ALGORITHM);
    }
}
