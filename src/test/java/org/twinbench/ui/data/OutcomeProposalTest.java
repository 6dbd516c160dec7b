package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;

/** The data panel proposes the outcome the shared inference finds, not the last two-valued column. */
class OutcomeProposalTest {

    @Test
    void anHrTableProposesAttritionNotThePerformanceRatingInTheLastColumn() {
        int n = 120;
        Frame frame = new Frame(List.of(
                new NumericColumn("Age", IntStream.range(0, n).mapToDouble(i -> 20 + i % 40).toArray()),
                CategoricalColumn.of("Attrition", IntStream.range(0, n).mapToObj(i -> i % 6 == 0 ? "Yes" : "No")
                        .toArray(String[]::new)),
                new NumericColumn("MonthlyIncome", IntStream.range(0, n).mapToDouble(i -> 2000 + 41.5 * i).toArray()),
                new NumericColumn("PerformanceRating", IntStream.range(0, n).mapToDouble(i -> i % 7 == 0 ? 4 : 3)
                        .toArray())));
        Schema proposed = ProposedSchema.propose(new Dataset(frame, new DataProvenance("hr.csv", "", n, 4)), Map.of());
        assertThat(proposed.target()).contains("Attrition");
    }

    @Test
    void theBundledLoansProposeDefaulted() {
        Dataset loans = TableLoader.load(Path.of("sample-data", "loans.csv"));
        assertThat(ProposedSchema.propose(loans, Map.of()).target()).contains("defaulted");
    }
}
