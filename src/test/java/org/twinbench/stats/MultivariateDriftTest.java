package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.MultivariateEncoding;
import org.twinbench.data.TableLoader;

/**
 * The two multivariate drift detectors on data whose columns keep their distributions while their relation
 * changes: generated pairs whose correlation flips sign, and scikit-learn's breast cancer set with two size
 * columns shuffled among the current rows (src/test/resources/multivariate/make_multivariate.py).
 */
class MultivariateDriftTest {

    static final Path DIR = Path.of("src/test/resources/multivariate");

    /** Rows of (x1, x2, x3, x4): x1 and x2 standard normal with correlation rho, x3 and x4 independent. */
    static double[][] correlated(int n, double rho, SplittableRandom random) {
        double[][] rows = new double[n][4];
        for (double[] row : rows) {
            double a = gaussian(random);
            double b = gaussian(random);
            row[0] = a;
            row[1] = rho * a + Math.sqrt(1 - rho * rho) * b;
            row[2] = gaussian(random);
            row[3] = gaussian(random);
        }
        return rows;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: two uniforms give one standard normal draw.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static double[] column(double[][] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    static double[][] rows(Frame frame) {
        return MultivariateEncoding.fit(frame, frame.columnNames()).encode(frame);
    }

    static final List<String> NAMES = List.of("x1", "x2", "x3", "x4");

    @Test
    void correlationFlipIsSeenOnlyByTheMultivariateDetectors() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] reference = correlated(1000, 0.8, random);
        double[][] current = correlated(500, -0.8, random);
        List<ColumnDrift> columns = new ArrayList<>();
        List<DriftRule> rules = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            columns.add(NumericReference.of(column(reference, j)).compare(column(current, j)));
            rules.add(DriftRule.defaultFor("numeric", reference.length));
        }
        DatasetDrift univariate = DatasetDrift.decide(columns, rules, DatasetDrift.Correction.NONE, 0.5);
        assertThat(univariate.decisions()).noneMatch(DatasetDrift.Decision::drifted);
        assertThat(univariate.drifted()).isFalse();

        DomainClassifierDrift.Result classifier = DomainClassifierDrift.test(reference, current, NAMES,
                DomainClassifierDrift.Settings.defaults(3));
        assertThat(classifier.drifted()).isTrue();
        assertThat(classifier.auc()).isGreaterThan(0.7);
        assertThat(classifier.columns().subList(0, 2)).extracting(ColumnContribution::column)
                .containsExactlyInAnyOrder("x1", "x2");

        ReconstructionDrift pca = ReconstructionDrift.fit(reference);
        ReconstructionDrift.Result reconstruction = pca.test(reference, current, NAMES);
        assertThat(reconstruction.drifted()).isTrue();
        assertThat(reconstruction.error()).isGreaterThan(reconstruction.thresholds().upper());
        assertThat(reconstruction.columns().get(0).column()).isIn("x1", "x2");
    }

    @Test
    void unchangedRelationIsNotFlagged() {
        SplittableRandom random = new SplittableRandom(12);
        double[][] reference = correlated(1000, 0.8, random);
        double[][] current = correlated(500, 0.8, random);
        assertThat(DomainClassifierDrift.test(reference, current, NAMES, DomainClassifierDrift.Settings.defaults(3))
                .drifted()).isFalse();
        assertThat(ReconstructionDrift.fit(reference).test(reference, current, NAMES).drifted()).isFalse();
    }

    /**
     * Reference values from scikit-learn 1.2.1 (make_multivariate.py): StandardScaler, PCA(n_components=0.65),
     * inverse_transform, mean Euclidean error (NannyML's), on the breast cancer reference, and the same mean with each
     * row's error capped at the 0.99 quantile of the reference rows' own errors (the statistic decided on); the band within the range scikit-learn
     * gives on 200 seeds of its own 199 random splits of the reference.
     */
    @Test
    void reconstructionErrorMatchesScikitLearnOnBreastCancer() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        double[][] reference = rows(TableLoader.load(DIR.resolve("breast-reference.csv")).frame());
        Frame refFrame = TableLoader.load(DIR.resolve("breast-reference.csv")).frame();
        MultivariateEncoding encoding = MultivariateEncoding.fit(refFrame, refFrame.columnNames());
        double[][] current = encoding.encode(TableLoader.load(DIR.resolve("breast-current.csv")).frame());
        double[][] planted = encoding.encode(TableLoader.load(DIR.resolve("breast-current-planted.csv")).frame());
        ReconstructionDrift pca = ReconstructionDrift.fit(reference);
        assertThat(pca.componentCount()).isEqualTo(expected.get("components").asInt());
        assertThat(mean(pca.rowErrors(reference))).isCloseTo(expected.get("reference_error").asDouble(), within(1e-9));
        assertThat(mean(pca.rowErrors(current))).isCloseTo(expected.get("current_error").asDouble(), within(1e-9));
        assertThat(mean(pca.rowErrors(planted))).isCloseTo(expected.get("planted_error").asDouble(), within(1e-9));
        double[] rowErrors = pca.rowErrors(current);
        for (int i = 0; i < 5; i++) {
            assertThat(rowErrors[i]).isCloseTo(expected.get("first_row_errors").get(i).asDouble(), within(1e-9));
        }
        assertThat(pca.calibration().cap()).isCloseTo(expected.get("row_cap").asDouble(), within(1e-9));
        assertThat(pca.error(reference)).isCloseTo(expected.get("reference_counted_error").asDouble(), within(1e-9));
        assertThat(pca.error(current)).isCloseTo(expected.get("current_counted_error").asDouble(), within(1e-9));
        assertThat(pca.error(planted)).isCloseTo(expected.get("planted_counted_error").asDouble(), within(1e-9));
        assertThat(pca.calibration().mean()).isCloseTo(expected.get("reference_counted_error").asDouble(),
                within(1e-9));
        ReconstructionDrift.Thresholds thresholds = pca.thresholds(current.length);
        System.out.printf("breast cancer band for 200 rows: %.4f to %.4f (scikit-learn's splits: lower %s, upper %s)%n",
                thresholds.lower(), thresholds.upper(), expected.get("lower_threshold_range"),
                expected.get("upper_threshold_range"));
        assertThat(thresholds.lower()).isBetween(expected.get("lower_threshold_range").get(0).asDouble(),
                expected.get("lower_threshold_range").get(1).asDouble());
        assertThat(thresholds.upper()).isBetween(expected.get("upper_threshold_range").get(0).asDouble(),
                expected.get("upper_threshold_range").get(1).asDouble());
        List<String> names = refFrame.columnNames();
        assertThat(pca.test(reference, current, names).drifted()).isFalse();
        ReconstructionDrift.Result result = pca.test(reference, planted, names);
        assertThat(result.drifted()).isTrue();
        assertThat(result.columns()).extracting(ColumnContribution::column)
                .containsAnyOf("worst_radius", "mean_perimeter");
    }

    @Test
    void domainClassifierSeesThePlantedChangeInBreastCancer() throws IOException {
        Frame refFrame = TableLoader.load(DIR.resolve("breast-reference.csv")).frame();
        MultivariateEncoding encoding = MultivariateEncoding.fit(refFrame, refFrame.columnNames());
        double[][] reference = encoding.encode(refFrame);
        double[][] current = encoding.encode(TableLoader.load(DIR.resolve("breast-current.csv")).frame());
        double[][] planted = encoding.encode(TableLoader.load(DIR.resolve("breast-current-planted.csv")).frame());
        DomainClassifierDrift.Settings settings = DomainClassifierDrift.Settings.defaults(5);
        long start = System.nanoTime();
        DomainClassifierDrift.Result same = DomainClassifierDrift.test(reference, current, refFrame.columnNames(),
                settings);
        System.out.printf("breast cancer: unchanged AUC %.3f threshold %.3f (%.1f s)%n", same.auc(), same.threshold(),
                (System.nanoTime() - start) / 1e9);
        DomainClassifierDrift.Result changed = DomainClassifierDrift.test(reference, planted, refFrame.columnNames(),
                settings);
        System.out.printf("breast cancer: planted AUC %.3f threshold %.3f columns %s%n", changed.auc(),
                changed.threshold(), changed.columns());
        assertThat(same.drifted()).isFalse();
        assertThat(changed.drifted()).isTrue();
        assertThat(changed.columns()).extracting(ColumnContribution::column)
                .containsAnyOf("worst_radius", "mean_perimeter");
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
