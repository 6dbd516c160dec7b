package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The logistic regression's L2 penalty is the one docs/cli.md states: λ = 0.001 on the weights (not
 * the intercept) over the summed log loss, i.e. scikit-learn's {@code LogisticRegression(C=1000)}. A
 * rare level whose three rows are all positive separates perfectly, so its weight is finite only
 * because of the penalty, and its score tells the penalty apart.
 */
class LogisticPenaltyTest {

    /**
     * 60 rows: x = ((37 i) mod 23 − 11) / 5; group "r" for rows 0–2 (all positive), else "a" or "b" by
     * parity; label yes for rows 0–2 and where (13 i) mod 7 is below 4 (x &gt; 0) or 2 (x ≤ 0).
     */
    static Frame rows() {
        int n = 60;
        double[] x = new double[n];
        String[] group = new String[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = ((i * 37) % 23 - 11) / 5.0;
            group[i] = i < 3 ? "r" : i % 2 == 0 ? "a" : "b";
            label[i] = i < 3 || (i * 13) % 7 < (x[i] > 0 ? 4 : 2) ? "yes" : "no";
        }
        return new Frame(List.of(new NumericColumn("x", x), CategoricalColumn.of("group", group),
                CategoricalColumn.of("label", label)));
    }

    @Test
    void logisticScoresMatchScikitLearnWithCOfOneThousand() {
        Frame frame = rows();
        BinaryClassifier model = ModelTrainer.train(frame, new TrainingOptions(Algorithm.LOGISTIC, "label",
                List.of("x", "group"), "yes", 1, 0, "abc", 0.0));
        double[] scores = model.scorePositive(frame);
        // scikit-learn 1.2.1 on the same encoding (x standardised with the mean and the sample sd, group
        // one-hot): LogisticRegression(C=1000.0, tol=1e-14).fit(X, y).predict_proba(X)[:, 1] at rows
        // 0, 3, 4, 10, 25. With C=100 row 0 is 0.982298, without a penalty 0.9999994: the rare level's
        // score is where the penalty shows.
        double[] expected = {0.997548981, 0.561855142, 0.36770569, 0.233805641, 0.293212117};
        int[] rows = {0, 3, 4, 10, 25};
        for (int k = 0; k < rows.length; k++) {
            assertThat(scores[rows[k]]).as("row %d", rows[k]).isCloseTo(expected[k], within(1e-4));
        }
    }
}
