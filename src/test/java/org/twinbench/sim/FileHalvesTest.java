package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;

/**
 * A file's halves compared before a replay draws from its second half: modeldata's credit data is in no random order
 * (its second half's applicants spend and earn differently), R's Pima diabetes and a random draw of ggplot2's diamonds
 * are. References: scipy's {@code ks_2samp} on the halves' present values (Expenses p = 2.3e-55 asymptotic, 4.3e-55
 * exact; Income 1.594e-09 asymptotic) and {@code chi2_contingency(correction=False)} of the halves' Records counts
 * (5.3676e-06); Pima's and diamonds' smallest p-values are above the Bonferroni cut (0.001 over their 9 and 10 columns).
 */
class FileHalvesTest {

    private static List<FileHalves.Difference> halves(String file) {
        Dataset dataset = TableLoader.load(Path.of("src/test/resources/rdata", file));
        return FileHalves.differing(dataset.frame(), dataset, dataset.frame().rowCount() / 2);
    }

    @Test
    void creditDataDiffersBetweenItsHalvesInThreeColumns() {
        List<FileHalves.Difference> differing = halves("credit.csv");
        assertThat(differing).extracting(FileHalves.Difference::column).containsExactly("Expenses", "Income", "Records");
        assertThat(differing.get(0).pValue()).isLessThan(1e-50);
        assertThat(differing.get(1).pValue()).isCloseTo(1.594e-9, within(0.2e-9));
        assertThat(differing.get(2).test()).isEqualTo("chi-square");
        assertThat(differing.get(2).pValue()).isCloseTo(5.3676e-6, within(0.001e-6));
    }

    @Test
    void filesInRandomOrderAreNotNoted() {
        assertThat(halves("pima.csv")).isEmpty();
        assertThat(halves("diamonds.csv")).isEmpty();
    }
}
