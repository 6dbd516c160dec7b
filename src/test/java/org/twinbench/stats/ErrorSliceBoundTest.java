package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The regression slice search's pruning bound: a slice none of whose children of at least {@code minSize} rows can
 * have a mean absolute error above the whole data's is not extended, and only such slices are left out.
 */
class ErrorSliceBoundTest {

    private static SliceColumn column(String name, int[] codes, int values) {
        List<String> levels = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            levels.add("v" + v);
        }
        return new SliceColumn(name, codes, levels);
    }

    @Test
    void aSliceWhoseLargestErrorsAreBelowTheMeanIsNotExtended() {
        // 600 rows, three columns: a (2 values), b (3), c (2). Where a = v0 the model is exact but for tiny errors
        // (at most 0.01); elsewhere errors are 1 or 3. Children of a=v0 cannot beat the whole's MAE (about 1),
        // so the 3 + 2 children of a=v0 are not tested; nothing else changes.
        int n = 600;
        int[] a = new int[n];
        int[] b = new int[n];
        int[] c = new int[n];
        double[] errors = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            a[i] = i % 2;
            b[i] = (i / 2) % 3;
            c[i] = (i / 6) % 2;
            errors[i] = a[i] == 0 ? 0.01 * random.nextDouble() : random.nextDouble() < 0.5 ? 1 : 3;
        }
        List<SliceColumn> columns = List.of(column("a", a, 2), column("b", b, 3), column("c", c, 2));
        SliceFinder.Options options = new SliceFinder.Options(2, 30, 20, 1.0);
        SliceFinder.Result pruned = SliceFinder.findErrors(columns, errors, options);
        SliceFinder.Result all = SliceFinder.findErrorsUnpruned(columns, errors, options);
        // Level 1: 2 + 3 + 2 = 7; level 2: a×b 6, a×c 4, b×c 6 = 16 pairs of 50 to 150 rows. Pruned: a=v0 & b=…
        // (3) and a=v0 & c=… (2) are not tested.
        assertThat(all.tested()).isEqualTo(7 + 16);
        assertThat(pruned.tested()).isEqualTo(7 + 16 - 5);
        // Every slice the unpruned search lists that the pruned one does not test has a mean error below the whole's.
        double mae = all.accuracy();
        for (SliceFinder.Slice s : all.slices()) {
            if (s.predicates().contains(new SliceFinder.Predicate("a", "v0")) && s.predicates().size() == 2) {
                assertThat(s.accuracy()).isLessThan(mae);
            }
        }
        assertThat(all.slices()).allMatch(s -> !s.predicates().contains(new SliceFinder.Predicate("a", "v0")));
        assertThat(pruned.slices()).extracting(SliceFinder.Slice::predicates)
                .containsExactlyElementsOf(all.slices().stream().map(SliceFinder.Slice::predicates).toList());
    }

    @Test
    void theBoundNeverDropsASliceThatCouldBeWorseThanTheRest() {
        // Errors that grow with c0 (a model exact where c0 = v0, about 0.03 off at most) and a planted worst pair
        // elsewhere: the pruned search leaves out c0=v0's 20 children and lists what the unpruned one lists.
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(7);
        List<SliceColumn> columns = new ArrayList<>();
        int[][] codes = new int[6][n];
        for (int col = 0; col < 6; col++) {
            for (int r = 0; r < n; r++) {
                codes[col][r] = random.nextInt(4);
            }
            columns.add(column("c" + col, codes[col], 4));
        }
        double[] errors = new double[n];
        for (int r = 0; r < n; r++) {
            double scale = new double[] {0.05, 0.5, 1, 2}[codes[0][r]];
            errors[r] = Math.abs(random.nextDouble() - 0.5) * scale + (codes[0][r] > 0 && codes[2][r] == 1 && codes[4][r] == 3 ? 1 : 0);
        }
        SliceFinder.Options options = new SliceFinder.Options(3, 30, 10, 0.05);
        SliceFinder.Result pruned = SliceFinder.findErrors(columns, errors, options);
        SliceFinder.Result all = SliceFinder.findErrorsUnpruned(columns, errors, options);
        assertThat(pruned.tested()).isEqualTo(all.tested() - 20);
        assertThat(pruned.slices().get(0).predicates()).contains(new SliceFinder.Predicate("c2", "v1"),
                new SliceFinder.Predicate("c4", "v3"));
        assertThat(pruned.slices()).extracting(SliceFinder.Slice::predicates)
                .containsExactlyElementsOf(all.slices().stream().map(SliceFinder.Slice::predicates).toList());
        assertThat(pruned.slices().get(0).accuracy()).isEqualTo(all.slices().get(0).accuracy());
    }
}
