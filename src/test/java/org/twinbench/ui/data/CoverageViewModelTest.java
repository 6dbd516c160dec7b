package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;

/** Comparing new data with the open table: only the columns a model or slice uses, with known shares. */
class CoverageViewModelTest {

    @TempDir
    Path dir;

    /** Ten customers: regions north, south and east; spend 20 to 29. */
    private Path reference() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,email,region,spend,churned\n");
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < 10; i++) {
            text.append("C").append(100 + i).append(",person").append(i).append("@example.com,")
                    .append(regions[i % 3]).append(',').append(20 + i).append(',').append(i % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        return write("reference.csv", text.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void newCategoriesAndNumbersOutsideTheRangeAreCountedIdsAndPersonalDataAreNot() throws IOException {
        Dataset reference = TableLoader.load(reference());
        Schema roles = ProposedSchema.propose(reference, Map.of()).withRole("customer_id", ColumnRole.ID);
        assertThat(roles.role("email")).isEqualTo(ColumnRole.PII);
        // 8 new rows: 2 in a region never seen (west) = 25%; spend outside [20, 29] in 2 of the 7
        // present values (35 and 10) = 28.6%; every id and e-mail is new, and none of that is reported.
        Path other = write("march.csv", """
                customer_id,email,region,spend,churned
                D1,new1@example.org,north,20,no
                D2,new2@example.org,south,25,yes
                D3,new3@example.org,west,29,no
                D4,new4@example.org,west,35,no
                D5,new5@example.org,north,21,yes
                D6,new6@example.org,east,,no
                D7,new7@example.org,south,28,no
                D8,new8@example.org,east,10,yes
                """);
        CoverageViewModel coverage = new CoverageViewModel(Runnable::run, Runnable::run);
        coverage.compare(reference, roles, "reference.csv", other);
        assertThat(coverage.errorProperty().get()).isEmpty();
        assertThat(coverage.findings()).extracting(QualityFinding::check)
                .containsExactly("unseen-categories", "out-of-range");
        QualityFinding region = coverage.findings().get(0);
        assertThat(region.message()).isEqualTo(
                "column 'region': 25.0% of current rows hold categories the reference never had: [west]");
        assertThat(region.severity()).isEqualTo(QualityFinding.Severity.WARNING);
        assertThat(region.rows()).containsExactly(2, 3);
        QualityFinding spend = coverage.findings().get(1);
        assertThat(spend.message()).isEqualTo(
                "column 'spend': 28.6% of current rows lie outside the reference range [20, 29]");
        assertThat(spend.rows()).containsExactly(3, 7);
        assertThat(coverage.messageProperty().get())
                .isEqualTo("march.csv (8 rows) against reference.csv, 3 columns compared: 2 findings.");
    }

    @Test
    void aMissingColumnIsAnErrorAndAnUnreadableFileKeepsNothing() throws IOException {
        Dataset reference = TableLoader.load(reference());
        Schema roles = ProposedSchema.propose(reference, Map.of()).withRole("customer_id", ColumnRole.ID);
        CoverageViewModel coverage = new CoverageViewModel(Runnable::run, Runnable::run);
        coverage.compare(reference, roles, "reference.csv", write("lean.csv", "region,churned\nnorth,no\n"));
        assertThat(coverage.findings()).extracting(QualityFinding::severity, QualityFinding::check)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityFinding.Severity.ERROR, "missing-column"));
        Path broken = write("broken.csv", "region,spend\nnorth,1\nsouth,2,3\n");
        coverage.compare(reference, roles, "reference.csv", broken);
        assertThat(coverage.findings()).isEmpty();
        assertThat(coverage.errorProperty().get()).contains("broken.csv").contains("line 3");
        assertThat(coverage.messageProperty().get()).isEmpty();
    }
}
