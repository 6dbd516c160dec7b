package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers grow in chunks without copies and come out in one array of the exact size, in order. */
class ColumnBuilderTest {

    @Test
    void numbersAcrossManyChunksComeOutExactlyInOrder() {
        ColumnBuilder builder = new ColumnBuilder("x", false);
        int n = 300_001;
        for (int i = 0; i < n; i++) {
            builder.add(i % 10 == 3 ? "" : Integer.toString(i));
        }
        NumericColumn column = (NumericColumn) builder.build();
        assertThat(column.values()).hasSize(n);
        for (int i = 0; i < n; i++) {
            if (i % 10 == 3) {
                assertThat(column.values()[i]).isNaN();
            } else {
                assertThat(column.values()[i]).isEqualTo(i);
            }
        }
    }

    @Test
    void textAfterChunksOfNumbersAsksForARereadAndKeepsItsRows() {
        ColumnBuilder builder = new ColumnBuilder("y", false);
        for (int i = 0; i < 5_000; i++) {
            builder.add(Integer.toString(i));
        }
        builder.add("north");
        builder.add("south");
        assertThat(builder.needsReread()).isTrue();
        CategoricalColumn column = (CategoricalColumn) builder.build();
        assertThat(column.codes()).hasSize(5_002);
        assertThat(column.levels()).containsExactly("north", "south");
        assertThat(column.codes()[5_001]).isEqualTo(1);
    }
}
