package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;

class SampleDataTest {

    @TempDir
    Path dir;

    static final List<String> LOAN_FEATURES = List.of("income", "debt_to_income", "age", "employment_type", "region",
            "credit_history_years", "loan_amount", "term_months");

    @Test
    void sameSeedGivesSameBytes() throws IOException {
        SampleData.writeLoans(dir.resolve("a.csv"), 500, 3);
        SampleData.writeLoans(dir.resolve("b.csv"), 500, 3);
        SampleData.writeLoans(dir.resolve("c.csv"), 500, 4);
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")))
                .isNotEqualTo(Files.readString(dir.resolve("c.csv")));
    }

    @Test
    void bundledLoansAreTheGeneratorsOutput() throws IOException {
        Path fresh = dir.resolve("loans.csv");
        SampleData.writeLoans(fresh, SampleData.DEFAULT_LOAN_ROWS, SampleData.DEFAULT_SEED);
        try (var bundled = SampleDataTest.class.getResourceAsStream("/sample-data/loans.csv")) {
            assertThat(bundled).as("sample-data/loans.csv on the class path").isNotNull();
            assertThat(new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(fresh));
        }
    }

    @Test
    void loansHaveRealisticSignalAndHarderSlices() throws IOException {
        Path file = dir.resolve("loans.csv");
        SampleData.writeLoans(file, SampleData.DEFAULT_LOAN_ROWS, SampleData.DEFAULT_SEED);
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.rowCount()).isEqualTo(20_000);
        assertThat(frame.numeric("income").missingCount()).isBetween(200, 600);
        Frame train = frame.slice(0, 10_000);
        Frame test = frame.slice(10_000, 20_000);
        LogisticModel model = ModelTrainer.trainLogistic(train, "defaulted", LOAN_FEATURES, "yes", 1, "");
        int[] y = BinaryLabels.encode(test.column("defaulted"), "yes");
        double[] s = model.scorePositive(test);
        MetricSet overall = ClassificationMetrics.compute(y, s, 0.5);
        assertThat(overall.rocAuc()).isBetween(0.75, 0.85);

        CategoricalColumn region = test.categorical("region");
        int west = region.codeOf("west");
        int westRows = 0;
        for (int code : region.codes()) {
            westRows += code == west ? 1 : 0;
        }
        assertThat(westRows).isLessThan(test.rowCount() / 8);
        int[] wy = new int[westRows];
        double[] ws = new double[westRows];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (region.codes()[i] == west) {
                wy[j] = y[i];
                ws[j++] = s[i];
            }
        }
        assertThat(ClassificationMetrics.rocAuc(wy, ws)).isLessThan(overall.rocAuc() - 0.04);
    }
}
