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
}
