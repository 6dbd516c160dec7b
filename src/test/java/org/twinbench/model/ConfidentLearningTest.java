package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;

/**
 * Confident learning against planted label flips (generated data, scikit-learn's breast cancer and wine), and its
 * rule against cleanlab's on the same out-of-fold probabilities (src/test/resources/label-errors/make_label_errors.py).
 */
class ConfidentLearningTest {

    static final Path DIR = Path.of("src/test/resources/label-errors");

    /** Precision and recall of the flagged rows against the planted ones. */
    static double[] precisionRecall(List<ConfidentLearning.Issue> issues, Set<Integer> planted) {
        Set<Integer> found = new HashSet<>();
        issues.forEach(i -> found.add(i.row()));
        Set<Integer> hit = new HashSet<>(found);
        hit.retainAll(planted);
        return new double[] {found.isEmpty() ? 0 : (double) hit.size() / found.size(), (double) hit.size() / planted.size()};
    }

    static Set<Integer> flips(String name) throws IOException {
        Set<Integer> out = new HashSet<>();
        for (String line : Files.readAllLines(DIR.resolve(name + "-flips.txt"))) {
            out.add(Integer.parseInt(line.strip()));
        }
        return out;
    }

    /** The rule flags exactly the rows the numpy transcription of cleanlab flags, with the same suspected class. */
    @Test
    void ruleMatchesCleanlabOnTheSameProbabilities() throws IOException {
        for (String name : List.of("breast", "wine")) {
            List<String> lines = Files.readAllLines(DIR.resolve(name + "-oof.csv"));
            int n = lines.size() - 1;
            int[] labels = new int[n];
            double[][] probabilities = new double[n][];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                labels[i] = Integer.parseInt(cells[0]);
                probabilities[i] = new double[cells.length - 1];
                for (int j = 1; j < cells.length; j++) {
                    probabilities[i][j - 1] = Double.parseDouble(cells[j]);
                }
            }
            JsonNode expected = new ObjectMapper().readTree(DIR.resolve(name + "-issues.json").toFile());
            ConfidentLearning.Flags flags = ConfidentLearning.flag(labels, probabilities);
            List<Integer> rows = new ArrayList<>();
            expected.get("rows").forEach(r -> rows.add(r.asInt()));
            List<Integer> suspected = new ArrayList<>();
            expected.get("suspected").forEach(r -> suspected.add(r.asInt()));
            assertThat(flags.rows()).as(name).containsExactly(rows.stream().mapToInt(Integer::intValue).toArray());
            assertThat(flags.suspected()).as(name)
                    .containsExactly(suspected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /**
     * Two Gaussian classes two sd apart in two features plus a noise feature; 5% of the labels (50 of 1,000)
     * flipped. Measured: 45 flagged, precision 1.000, recall 0.900: the flips the finder misses lie near the
     * boundary, where a wrong label cannot be told from honest overlap.
     */
    @Test
    void findsPlantedFlipsOnGeneratedData() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 1000;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] noise = new double[n];
        String[] label = new String[n];
        Set<Integer> planted = new HashSet<>();
        for (int i = 0; i < n; i++) {
            boolean positive = i % 2 == 0;
            a[i] = (positive ? 1.5 : -1.5) + gaussian(random);
            b[i] = (positive ? 1.5 : -1.5) + gaussian(random);
            noise[i] = gaussian(random);
            label[i] = positive ? "yes" : "no";
        }
        while (planted.size() < 50) {
            planted.add(random.nextInt(n));
        }
        for (int i : planted) {
            label[i] = label[i].equals("yes") ? "no" : "yes";
        }
        Frame frame = new Frame(List.of(new NumericColumn("a", a), new NumericColumn("b", b),
                new NumericColumn("noise", noise), CategoricalColumn.of("label", label)));
        ConfidentLearning.Result result = ConfidentLearning.find(frame, "label", List.of("a", "b", "noise"), 1);
        double[] pr = precisionRecall(result.issues(), planted);
        System.out.printf("generated: %d flagged, precision %.3f recall %.3f%n", result.issues().size(), pr[0], pr[1]);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.9);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.8);
        ConfidentLearning.Issue issue = result.issues().get(0);
        assertThat(issue.suspected()).isNotEqualTo(issue.given());
        assertThat(planted).contains(issue.row());
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * Breast cancer with 28 of 569 labels flipped and wine with 14 of 178 moved to another cultivar. Measured:
     * breast cancer 20 flagged, precision 0.900, recall 0.643 (scikit-learn's logistic regression with the same
     * rule: 0.950 and 0.679); wine 14 flagged, precision 0.857, recall 0.857 (scikit-learn: the same).
     */
    @Test
    void findsPlantedFlipsOnPublicData() throws IOException {
        Frame breast = TableLoader.load(DIR.resolve("breast-flipped.csv")).frame();
        List<String> features = new ArrayList<>(breast.columnNames());
        features.remove("diagnosis");
        ConfidentLearning.Result cancer = ConfidentLearning.find(breast, "diagnosis", features, 1);
        double[] pr = precisionRecall(cancer.issues(), flips("breast"));
        System.out.printf("breast cancer: %d flagged, precision %.3f recall %.3f%n", cancer.issues().size(), pr[0],
                pr[1]);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.85);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.55);

        Frame wine = TableLoader.load(DIR.resolve("wine-flipped.csv")).frame();
        features = new ArrayList<>(wine.columnNames());
        features.remove("cultivar");
        ConfidentLearning.Result cultivars = ConfidentLearning.find(wine, "cultivar", features, 1);
        pr = precisionRecall(cultivars.issues(), flips("wine"));
        System.out.printf("wine: %d flagged, precision %.3f recall %.3f%n", cultivars.issues().size(), pr[0], pr[1]);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.75);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.75);
        assertThat(cultivars.classes()).containsExactly("class_0", "class_1", "class_2");
    }

    @Test
    void tooFewRowsOfAClassIsRefused() {
        Frame frame = new Frame(List.of(new NumericColumn("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8}),
                CategoricalColumn.of("y", new String[] {"a", "a", "a", "a", "a", "b", "b", "b"})));
        assertThatThrownBy(() -> ConfidentLearning.find(frame, "y", List.of("x"), 1))
                .isInstanceOf(ModelException.class).hasMessageContaining("class 'b' of 'y' has 3 rows");
    }
}
