package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two columns that cut the rows the same way under different names (diamonds' length x and width y: the worst slice
 * "x=[6.68, 9.38]" and "y=[6.674, 9.31]" held the same 71 stones and were listed twice) give one slice, under the
 * first name in the search's order; a slice of other rows is still listed.
 */
class SliceSameRowsTest {

    @Test
    void theSameRowsAreListedOnce() {
        int n = 400;
        int[] size = new int[n];
        int[] colour = new int[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            size[i] = i < 100 ? 1 : 0;
            colour[i] = i % 4 == 0 ? 1 : 0;
            // Big items (rows 0-99) are right 20 times in 100, the others 90 in 100; colour 1 is right 70 in 100.
            correct[i] = size[i] == 1 ? i % 5 == 0 : i % 10 != 0;
        }
        SliceColumn length = new SliceColumn("length", size, List.of("short", "long"));
        SliceColumn width = new SliceColumn("width", size.clone(), List.of("narrow", "wide"));
        SliceColumn shade = new SliceColumn("shade", colour, List.of("light", "dark"));
        SliceFinder.Result found = SliceFinder.find(List.of(length, width, shade), correct,
                new SliceFinder.Options(1, 20, 5, 0.05));
        // By hand: length=long and width=wide are rows 0-99, 20 right of 100 against 270 of 300 elsewhere.
        assertThat(found.slices()).filteredOn(s -> s.n() == 100 && s.correct() == 20).singleElement()
                .satisfies(s -> assertThat(s.predicates()).containsExactly(new SliceFinder.Predicate("length",
                        "long")));
        assertThat(found.slices()).noneMatch(s -> s.predicates().get(0).column().equals("width"));
    }
}
