package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An amount computed from two features, on real data: MASS's Cars93 (Price is the midpoint of Min.Price and
 * Max.Price), the telco churn sample (total charges = tenure × monthly charges) and AER's CreditCard (share is the
 * expenditure over the income). R² from scikit-learn's {@code LinearRegression}
 * ({@code sample-data/scripts/pair_leakage_reference.py}); other real amounts get no such finding.
 */
class PairLeakageTest {

    private static Frame load(String name) throws IOException {
        return TableLoader.load(Path.of("src/test/resources/rdata/" + name)).frame();
    }

    private static List<String> numericFeatures(Frame frame, String target) {
        return frame.columnNames().stream().filter(c -> !c.equals(target)).toList();
    }

    @Test
    void carsPriceIsTheMidpointOfItsMinimumAndMaximum() throws IOException {
        Frame cars = load("cars93.csv");
        List<QualityFinding> found = DataQuality.leakage(cars, "Price", numericFeatures(cars, "Price"),
                Task.REGRESSION);
        // scikit-learn: R² 0.999991; neither alone is a leak (Max.Price 0.9635, Min.Price 0.9421).
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("leakage");
            assertThat(f.severity()).isEqualTo(QualityFinding.Severity.ERROR);
            assertThat(f.columns()).containsExactly("Min.Price", "Max.Price", "Price");
            assertThat(f.message()).isEqualTo("features 'Min.Price' and 'Max.Price' together give 'Price' almost "
                    + "exactly (a straight line of the two explains R² = 0.99999 of it); it is probably computed "
                    + "from them");
        });
        // Training leaves both out.
        assertThat(TrainingLeaks.columns(found, numericFeatures(cars, "Price")))
                .containsExactly("Min.Price", "Max.Price");
    }

    @Test
    void aSingleStrongFeatureIsAWarningToCheck() throws IOException {
        Frame cars = load("cars93.csv");
        // Max.Price alone: pandas' correlation squared 0.963500; Horsepower's 0.6213 is no warning.
        List<QualityFinding> found = DataQuality.leakage(cars, "Price", List.of("Max.Price", "Horsepower"),
                Task.REGRESSION);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("strong-feature");
            assertThat(f.severity()).isEqualTo(QualityFinding.Severity.WARNING);
            assertThat(f.message()).startsWith("feature 'Max.Price' alone explains R² = 0.9635 of 'Price';");
        });
        assertThat(TrainingLeaks.columns(found, List.of("Max.Price", "Horsepower"))).isEmpty();
    }

    @Test
    void productsAreFoundOnTheLogarithms() throws IOException {
        Frame churn = load("wa_churn_random.csv");
        assertThat(DataQuality.leakage(churn, "total_charges", numericFeatures(churn, "total_charges"),
                Task.REGRESSION)).singleElement().satisfies(f -> {
                    assertThat(f.columns()).containsExactly("tenure", "monthly_charges", "total_charges");
                    // scikit-learn on the logarithms: 0.998984.
                    assertThat(f.message()).contains("(a product of powers of the two explains R² = 0.99898 of its "
                            + "logarithm)");
                });
        Frame card = load("creditcard.csv");
        assertThat(DataQuality.leakage(card, "expenditure", numericFeatures(card, "expenditure"), Task.REGRESSION))
                .singleElement().satisfies(f -> {
                    assertThat(f.columns()).containsExactly("income", "share", "expenditure");
                    // scikit-learn on the 1,002 rows that spent: 0.998410.
                    assertThat(f.message()).contains("R² = 0.99841 of its logarithm");
                });
    }

    @Test
    void otherRealAmountsHaveNoLeakingPair() throws IOException {
        // Their highest pair, on the amounts or their logarithms (scikit-learn): diamonds 0.934, salaries 0.254,
        // Chicago ridership 0.888, credit Amount 0.648, USArrests Murder 0.720.
        for (String[] set : new String[][] {{"diamonds.csv", "price"}, {"salaries.csv", "salary"},
                {"chicago.csv", "ridership"}, {"credit.csv", "Amount"}, {"usarrests.csv", "Murder"}}) {
            Frame frame = load(set[0]);
            assertThat(DataQuality.leakage(frame, set[1], numericFeatures(frame, set[1]), Task.REGRESSION))
                    .as(set[0]).noneMatch(f -> f.check().equals("leakage"));
        }
    }

    @Test
    void theLineOfTwoFeaturesIsLeastSquares() {
        // y = 3 + 2a - b exactly, then a worse fit: R² of y ~ 1 + a + b for a = (1,2,3,4), b = (1,3,2,5),
        // y = (1,2,2,3): numpy.linalg.lstsq leaves a residual sum of squares 1/54 of a total 2, so R² = 107/108.
        double[] a = {1, 2, 3, 4};
        double[] b = {1, 3, 2, 5};
        double[] exact = {4, 4, 7, 6};
        assertThat(PairLeakage.r2(a, b, exact, 3)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        double[] y = {1, 2, 2, 3};
        assertThat(PairLeakage.r2(a, b, y, 3)).isCloseTo(107.0 / 108, org.assertj.core.api.Assertions.within(1e-12));
    }
}
