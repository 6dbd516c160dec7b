package org.twinbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.stats.BatchCalibration;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.NumericReference;

/**
 * What {@code drift} does on a wide table, scaled down from 3e6 reference × 3e5 current rows × 100 numeric
 * columns to 1e5 × 1e4 × 100 (1e4 × 1e3 quick): both tables loaded, then every statistic of every column,
 * one column at a time, with each column's threshold calibrated as {@code drift}'s default rule calibrates it
 * ({@link BatchCalibration}, timed apart as {@code calibration_s}). Reports the peak heap (all heap pools' peaks, reset before the run) per cell of doubles the two
 * tables hold ({@code peak_heap_per_double}: 8 bytes a double would be 1.0; an upper bound, as it counts the
 * garbage of parsing not yet collected when the heap has room), and the heap the loaded tables keep per cell
 * ({@code heap_bytes_per_cell}, after a collection).
 * The reference is loading the two tables alone.
 */
final class DriftWideLoadWorkload implements Workload {

    static final int COLUMNS = 100;

    @Override
    public String name() {
        return "data.drift-wide-load";
    }

    @Override
    public String description() {
        return "drift of 1e5 x 1e4 rows x 100 numeric columns with calibration, peak heap per double held; "
                + "reference: loading alone";
    }

    @Override
    public BenchResult run(boolean quick) {
        int referenceRows = quick ? 10_000 : 100_000;
        int currentRows = referenceRows / 10;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("twinbench-bench");
            Path reference = write(dir.resolve("reference.csv"), referenceRows, 1, 0);
            Path current = write(dir.resolve("current.csv"), currentRows, 2, 0.1);
            long cells = (long) (referenceRows + currentRows) * COLUMNS;
            System.gc();
            long before = used();
            resetPeaks();
            long start = System.nanoTime();
            Frame[] held = {TableLoader.load(reference).frame(), TableLoader.load(current).frame()};
            long peakLoading = peak() - before;
            System.gc();
            long loaded = used();
            // As `drift` does by default: one column at a time, every statistic of the column and the calibrated
            // threshold of its rule (wasserstein for a reference of more than 1,000 rows).
            long calibrationNanos = 0;
            for (String name : held[0].columnNames()) {
                NumericReference profile = NumericReference.of(held[0].numeric(name).values());
                Timing.consume(profile.compare(held[1].numeric(name).values()).hashCode());
                long calibrationStart = System.nanoTime();
                Timing.consume(BatchCalibration.numeric(profile, currentRows, DriftMethod.WASSERSTEIN, 0.01,
                        new SplittableRandom(name.hashCode())));
                calibrationNanos += System.nanoTime() - calibrationStart;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = Math.max(peakLoading, peak() - before);
            long keptPerCell = (loaded - before) / cells;
            Timing.consume(held.length);
            double load = Timing.best(0, 1, () -> {
                Timing.consume(TableLoader.load(reference).frame().rowCount());
                Timing.consume(TableLoader.load(current).frame().rowCount());
            });
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("cells", cells);
            extra.put("peak_heap_mb", peak >> 20);
            extra.put("peak_heap_per_double", String.format(Locale.ROOT, "%.2f", peak / (8.0 * cells)));
            extra.put("heap_bytes_per_cell", keptPerCell);
            extra.put("calibration_s", String.format(Locale.ROOT, "%.3f", calibrationNanos / 1e9));
            extra.put("file_bytes_per_cell", String.format(Locale.ROOT, "%.2f",
                    (double) (Files.size(reference) + Files.size(current)) / cells));
            return new BenchResult(name(), referenceRows + currentRows, seconds, "loading both tables", load, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BenchData.deleteQuietly(dir);
        }
    }

    /** {@code rows} rows of {@value #COLUMNS} normal columns, the current table's shifted by {@code shift}. */
    private static Path write(Path file, int rows, long seed, double shift) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int j = 0; j < COLUMNS; j++) {
                out.write((j == 0 ? "" : ",") + "x" + j);
            }
            out.write('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < COLUMNS; j++) {
                    line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f",
                            random.nextGaussian() + (j % 10 == 0 ? shift : 0)));
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }

    private static long used() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap's peak (pools peak at different moments). */
    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
