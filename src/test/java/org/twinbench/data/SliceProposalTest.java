package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceProposalTest {

    @TempDir
    Path dir;

    /** 60 rows: region has 5 values, age band 4, employment type 3, city 20 and store number 3 (as numbers). */
    private Dataset customers() throws IOException {
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] bands = {"18-25", "26-40", "41-65", "65+"};
        String[] jobs = {"salaried", "self-employed", "unemployed"};
        StringBuilder text = new StringBuilder("region,Age Band,employment_type,city,store,spend,churned\n");
        for (int i = 0; i < 60; i++) {
            text.append(regions[i % 5]).append(',').append(bands[i % 4]).append(',').append(jobs[i % 3]).append(',')
                    .append("town").append(i % 20).append(',').append(1 + i % 3).append(',').append(10 + i).append(',')
                    .append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, text);
        return TableLoader.load(file);
    }

    @Test
    void lowCardinalityGroupingsAreProposedAsSlices() throws IOException {
        Dataset data = customers();
        Schema schema = Schema.infer(data, "churned").withProposedSlices(data);
        assertThat(schema.withRole(ColumnRole.SLICE)).containsExactly("region", "Age Band");
        assertThat(schema.features()).containsExactly("employment_type", "city", "store", "spend");
        assertThat(schema.role("churned")).isEqualTo(ColumnRole.TARGET);
        assertThat(schema.find("region").orElseThrow().reason()).contains("broken down");
    }

    @Test
    void aRoleTheUserChoseIsNotOverridden() throws IOException {
        Dataset data = customers();
        Schema schema = Schema.infer(data, "churned").withRole("region", ColumnRole.FEATURE).withProposedSlices(data);
        assertThat(schema.role("region")).isEqualTo(ColumnRole.FEATURE);
        assertThat(schema.role("Age Band")).isEqualTo(ColumnRole.SLICE);
    }

    @Test
    void aGroupingWithOneValueOrTooManyIsNotASlice() {
        String[] one = new String[30];
        String[] many = new String[30];
        for (int i = 0; i < 30; i++) {
            one[i] = "north";
            many[i] = "r" + (i % 13);
        }
        assertThat(SliceProposal.proposed(CategoricalColumn.of("region", one), ValueKind.TEXT, ColumnRole.FEATURE))
                .isFalse();
        assertThat(SliceProposal.proposed(CategoricalColumn.of("region", many), ValueKind.TEXT, ColumnRole.FEATURE))
                .isFalse();
        String[] twelve = new String[30];
        for (int i = 0; i < 30; i++) {
            twelve[i] = "r" + (i % 12);
        }
        assertThat(SliceProposal.proposed(CategoricalColumn.of("sales_region", twelve), ValueKind.TEXT,
                ColumnRole.FEATURE)).isTrue();
        assertThat(SliceProposal.proposed(CategoricalColumn.of("sales_region", twelve), ValueKind.TEXT,
                ColumnRole.PII)).isFalse();
    }

    @Test
    void loansSampleGetsRegionAsItsSlice() {
        Dataset loans = TableLoader.load(Path.of("sample-data", "loans.csv"));
        Schema schema = Schema.infer(loans, "defaulted").withProposedSlices(loans);
        assertThat(schema.withRole(ColumnRole.SLICE)).containsExactly("region");
        assertThat(schema.features()).contains("employment_type", "income");
    }

    /** The first {@code rows} rows of ggplot2's Texas housing sales (R's shuffled copy), with the header. */
    private Dataset texasHousing(int rows) throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("src/test/resources/rdata/txhousing.csv"));
        Path file = dir.resolve("txhousing-" + rows + ".csv");
        Files.write(file, lines.subList(0, rows + 1));
        return TableLoader.load(file);
    }

    private static boolean proposed(Dataset data, String column) {
        return SliceProposal.proposed(data.frame().column(column), ValueKind.TEXT, ColumnRole.FEATURE);
    }

    @Test
    void texasHousingsFortySixCitiesAreProposedForPerCityFigures() throws IOException {
        // pandas: 46 cities, 187 rows each in the 8,602 rows.
        Dataset data = TableLoader.load(Path.of("src/test/resources/rdata/txhousing.csv"));
        assertThat(data.frame().rowCount()).isEqualTo(8602);
        Schema schema = Schema.infer(data, "median").withProposedSlices(data);
        assertThat(schema.withRole(ColumnRole.SLICE)).containsExactly("city");
        assertThat(schema.features()).doesNotContain("city").contains("sales", "listings");
    }

    @Test
    void manyCitiesAreProposedOnlyWhenHalfOfThemHaveThirtyRows() throws IOException {
        // pandas on the first rows of the shuffled file: 1,300 rows hold all 46 cities, the median city 28 rows
        // (value_counts, upper middle); 1,500 rows, 33.
        assertThat(proposed(texasHousing(1300), "city")).isFalse();
        assertThat(proposed(texasHousing(1500), "city")).isTrue();
    }

    @Test
    void anIdNamedLikeAGroupIsNotProposed() {
        // Base R's USArrests: 50 states, one row each — names of rows, not groups.
        Dataset arrests = TableLoader.load(Path.of("src/test/resources/rdata/usarrests.csv"));
        assertThat(arrests.frame().column("state")).isInstanceOf(CategoricalColumn.class);
        assertThat(proposed(arrests, "state")).isFalse();
        Schema schema = Schema.infer(arrests, "Murder").withProposedSlices(arrests);
        assertThat(schema.withRole(ColumnRole.SLICE)).isEmpty();
        // 61 groups of 40 rows are too many to break results down by, however large; 60 are not.
        String[] many = new String[61 * 40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "c" + (i % 61);
        }
        assertThat(SliceProposal.proposed(CategoricalColumn.of("city", many), ValueKind.TEXT, ColumnRole.FEATURE))
                .isFalse();
        String[] sixty = new String[60 * 40];
        for (int i = 0; i < sixty.length; i++) {
            sixty[i] = "c" + (i % 60);
        }
        assertThat(SliceProposal.proposed(CategoricalColumn.of("city", sixty), ValueKind.TEXT, ColumnRole.FEATURE))
                .isTrue();
    }
}
