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

    @Test
    void cellsReadFromCharactersEqualTheStringPath() {
        String[] cells = {"1.25", " -7 ", "NA", "n/a", "", "  ", "1e-3", "+4", ".5", "12345678901234567", "0.1",
            "-0.000", "Null", "nan", "3.14159265358979"};
        ColumnBuilder fromChars = new ColumnBuilder("x", false, cells.length);
        ColumnBuilder fromStrings = new ColumnBuilder("x", false);
        for (String cell : cells) {
            char[] padded = ("[" + cell + "]").toCharArray();
            fromChars.add(padded, 1, padded.length - 1);
            fromStrings.add(cell);
        }
        double[] expected = ((NumericColumn) fromStrings.build()).values();
        assertThat(((NumericColumn) fromChars.build()).values()).containsExactly(expected);
        assertThat(expected[0]).isEqualTo(Double.parseDouble("1.25"));
        assertThat(expected[9]).isEqualTo(Double.parseDouble("12345678901234567"));
        assertThat(expected[2]).isNaN();
    }

    @Test
    void aColumnSizedBeforehandHoldsItsValuesAndGrowsWhenTheCountWasShort() {
        ColumnBuilder exact = new ColumnBuilder("x", false, 3);
        ColumnBuilder shortCount = new ColumnBuilder("x", false, 2);
        for (String cell : new String[] {"1", "2", "3"}) {
            exact.add(cell);
            shortCount.add(cell.toCharArray(), 0, 1);
        }
        assertThat(((NumericColumn) exact.build()).values()).containsExactly(1, 2, 3);
        assertThat(((NumericColumn) shortCount.build()).values()).containsExactly(1, 2, 3);
        ColumnBuilder text = new ColumnBuilder("t", false, 2);
        text.add("a".toCharArray(), 0, 1);
        text.add("7".toCharArray(), 0, 1);
        assertThat(((CategoricalColumn) text.build()).levels()).containsExactly("a", "7");
    }
}
