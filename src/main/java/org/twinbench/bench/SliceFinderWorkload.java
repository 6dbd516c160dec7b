package org.twinbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.stats.SliceColumn;
import org.twinbench.stats.SliceFinder;

/**
 * Worst-slice discovery on a million rows of twenty five-valued columns, up to two conditions (every
 * value pair of every column pair with 30 rows or more tested): against counting each candidate slice by
 * its own scan of the rows, timed on a sample of the candidates and scaled to all of them.
 */
final class SliceFinderWorkload implements Workload {

    @Override
    public String name() {
        return "stats.slice-finder-1e6x20";
    }

    @Override
    public String description() {
        return "worst slices of up to two conditions over 1e6 rows x 20 columns (5 values each), against a scan of"
                + " the rows per candidate slice";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 100_000 : 1_000_000;
        int columnCount = 20;
        int values = 5;
        SplittableRandom random = new SplittableRandom(17);
        int[][] codes = new int[columnCount][n];
        List<SliceColumn> columns = randomColumns(codes, values, random);
        boolean[] correct = new boolean[n];
        for (int r = 0; r < n; r++) {
            boolean weak = codes[3][r] == 1 && codes[7][r] == 4;
            correct[r] = random.nextDouble() < (weak ? 0.7 : 0.9);
        }
        SliceFinder.Options options = new SliceFinder.Options(2, 30, 10, 0.05);
        SliceFinder.Result[] found = new SliceFinder.Result[1];
        double ours = Timing.best(1, quick ? 2 : 3, () -> found[0] = SliceFinder.find(columns, correct, options));
        // The reference: each level-2 candidate counted by a scan of all rows, on a sample of column pairs.
        int sampledPairs = 10;
        double sampled = Timing.best(1, 2, () -> {
            long right = 0;
            for (int pair = 0; pair < sampledPairs; pair++) {
                int[] a = codes[pair];
                int[] b = codes[pair + 1];
                for (int va = 0; va < values; va++) {
                    for (int vb = 0; vb < values; vb++) {
                        for (int r = 0; r < n; r++) {
                            if (a[r] == va && b[r] == vb && correct[r]) {
                                right++;
                            }
                        }
                    }
                }
            }
            Timing.consume(right);
        });
        int allPairs = columnCount * (columnCount - 1) / 2;
        double reference = sampled * allPairs / sampledPairs;
        return new BenchResult(name(), n, ours, "a scan of the rows per candidate slice", reference,
                Map.of("slices_tested", found[0].tested(), "columns", columnCount, "seconds", ours,
                        "top_slice", found[0].slices().isEmpty() ? "none"
                                : found[0].slices().get(0).predicates().toString()));
    }

    /**
     * Columns {@code c0, c1, …} of {@code values} equally likely values {@code v0, v1, …}, drawn into {@code codes}
     * (one array per column, of the rows' length).
     */
    static List<SliceColumn> randomColumns(int[][] codes, int values, SplittableRandom random) {
        List<String> levels = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            levels.add("v" + v);
        }
        List<SliceColumn> columns = new ArrayList<>();
        for (int c = 0; c < codes.length; c++) {
            for (int r = 0; r < codes[c].length; r++) {
                codes[c][r] = random.nextInt(values);
            }
            columns.add(new SliceColumn("c" + c, codes[c], levels));
        }
        return columns;
    }
}
