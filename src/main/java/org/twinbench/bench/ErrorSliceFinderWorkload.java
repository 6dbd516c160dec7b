package org.twinbench.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.stats.SliceColumn;
import org.twinbench.stats.SliceFinder;

/**
 * A regression run's worst-slice search on a million rows of twenty five-valued columns, up to three conditions:
 * with the bound on a child's mean absolute error (a slice none of whose children can be worse than the whole is
 * not extended) against the same search extending every slice, in the same run. The errors grow with the first
 * column (a model nearly exact where it is {@code v0}), and one pair of conditions is planted 1 worse.
 */
final class ErrorSliceFinderWorkload implements Workload {

    @Override
    public String name() {
        return "stats.error-slices-1e6x20";
    }

    @Override
    public String description() {
        return "a regression's worst slices of up to three conditions over 1e6 rows x 20 columns (5 values each),"
                + " with the bound on a child's mean absolute error, against the same search without it";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 100_000 : 1_000_000;
        int columnCount = 20;
        int values = 5;
        SplittableRandom random = new SplittableRandom(19);
        int[][] codes = new int[columnCount][n];
        List<SliceColumn> columns = SliceFinderWorkload.randomColumns(codes, values, random);
        double[] errors = new double[n];
        double[] scale = {0.02, 0.5, 1, 1.5, 2};
        for (int r = 0; r < n; r++) {
            boolean planted = codes[0][r] > 0 && codes[3][r] == 1 && codes[7][r] == 4;
            errors[r] = Math.abs(random.nextDouble() - 0.5) * scale[codes[0][r]] + (planted ? 1 : 0);
        }
        SliceFinder.Options options = new SliceFinder.Options(3, 30, 10, 0.05);
        SliceFinder.Result[] found = new SliceFinder.Result[2];
        double ours = Timing.best(1, quick ? 2 : 3, () -> found[0] = SliceFinder.findErrors(columns, errors, options));
        double unpruned = Timing.best(1, quick ? 2 : 3,
                () -> found[1] = SliceFinder.findErrorsUnpruned(columns, errors, options));
        return new BenchResult(name(), n, ours, "the same search without the bound", unpruned,
                Map.of("slices_tested", found[0].tested(), "slices_tested_unpruned", found[1].tested(),
                        "columns", columnCount, "seconds", ours, "top_slice", found[0].slices().isEmpty() ? "none"
                                : found[0].slices().get(0).predicates().toString()));
    }
}
