package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * A distilled tree student ({@code student: tree}) saved as a {@code .twinmodel} and read back: the read model
 * scores breast cancer's held-out rows as scikit-learn's {@code DecisionTreeRegressor} fitted to the same teacher
 * scores does ({@code mission/make_distillation.py}, to 1e-12) and as the student before it was written (exactly).
 * A bundle whose tree would not end at a leaf is refused.
 */
class TreeStudentBundleTest {

    private static final Path DIR = Path.of("src/test/resources/mission");

    @TempDir
    Path dir;

    @Test
    void aTreeStudentReadsBackWithTheSameScores() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("distil-breast.json").toFile());
        DistillationStudentsTest.Breast breast = DistillationStudentsTest.Breast.load();
        Frame test = breast.test();
        for (int depth : new int[] {1, 2, 3}) {
            TreeStudent student = Distillation.treeStudent(breast.card(), breast.train(), breast.teacherTrain(),
                    depth);
            Path file = dir.resolve("student-" + depth + ".twinmodel");
            ModelBundle.write(student, file);
            TaskModel read = ModelFiles.loadAny(file);
            assertThat(read).isInstanceOf(TreeStudent.class);
            assertThat(read.card().algorithm()).isEqualTo(TreeStudent.ALGORITHM);
            assertThat(((TreeStudent) read).nodes()).isEqualTo(expected.get("tree_d" + depth).get("nodes").asInt());
            double[] before = student.scorePositive(test);
            double[] after = ((BinaryClassifier) read).scorePositive(test);
            JsonNode sklearn = expected.get("tree_d" + depth).get("scores");
            for (int i = 0; i < after.length; i++) {
                assertThat(after[i]).isEqualTo(before[i]);
                assertThat(after[i]).isCloseTo(sklearn.get(i).asDouble(), within(1e-12));
            }
            assertThat(ModelBundle.read(file).scorePositive(test)).containsExactly(after);
        }
    }

    @Test
    void aTreeWhoseWalkWouldNotEndIsRefused() throws IOException {
        Frame all = TableLoader.load(DIR.resolve("distil-breast.csv")).frame();
        FeatureEncoder encoder = FeatureEncoder.fit(all, List.of("mean_radius"));
        ModelCard card = new ModelCard(TreeStudent.ALGORITHM, "diagnosis", "malignant", List.of("mean_radius"), "sha",
                10, Map.of());
        double[][] cycle = {{0, -1, -1}, {14, 0, 0}, {0, 0, 0}, {2, 0, 0}, {0, 0.2, 0.8}};
        assertThatThrownBy(() -> TreeStudent.of(encoder, card, cycle, Path.of("s.twinmodel")))
                .isInstanceOf(ModelException.class).hasMessage("s.twinmodel: model.bin: node 0 of the tree student is "
                        + "not a valid node");
        double[][] fine = {{0, -1, -1}, {14, 0, 0}, {1, 0, 0}, {2, 0, 0}, {0, 0.2, 0.8}};
        assertThat(TreeStudent.of(encoder, card, fine, Path.of("s.twinmodel")).nodes()).isEqualTo(3);
    }
}
