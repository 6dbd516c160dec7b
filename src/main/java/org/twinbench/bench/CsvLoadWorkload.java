package org.twinbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Loads a generated CSV of 1e6 rows x 20 columns (15 numbers with 4 decimals, an id, two categories,
 * an ISO date and a yes/no label) with {@link TableLoader}; the reference is Tablesaw's own CSV
 * reader with its type inference on the same file. Also reports the heap each keeps per cell.
 */
final class CsvLoadWorkload implements Workload {

    @Override
    public String name() {
        return "data.csv-load-1e6x20";
    }

    @Override
    public String description() {
        return "CSV load of 1e6 x 20 cells into columns; reference: Tablesaw CsvReader with type inference";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 100_000 : 1_000_000;
        Path file = null;
        try {
            file = Files.createTempFile("twinbench-bench", ".csv");
            write(file, rows);
            Path input = file;
            double seconds = Timing.best(1, quick ? 2 : 2, () -> Timing.consume(TableLoader.load(input).frame().rowCount()));
            double reference = Timing.best(1, quick ? 2 : 2, () -> Timing.consume(readWithTablesaw(input).rowCount()));
            Map<String, Object> extra = new LinkedHashMap<>();
            long cells = (long) rows * 20;
            extra.put("file_mb", String.format(Locale.ROOT, "%.1f", Files.size(file) / 1e6));
            extra.put("heap_bytes_per_cell", String.format(Locale.ROOT, "%.1f",
                    retained(() -> TableLoader.load(input)) / (double) cells));
            extra.put("reference_heap_bytes_per_cell", String.format(Locale.ROOT, "%.1f",
                    retained(() -> readWithTablesaw(input)) / (double) cells));
            return new BenchResult(name(), rows, seconds, "tablesaw-csv", reference, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    private static Table readWithTablesaw(Path file) {
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).maxCharsPerColumn(1 << 16).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Tablesaw could not read the benchmark file", e);
        }
    }

    /** Heap still in use while the loaded table is alive, after garbage collection, in bytes. */
    private static long retained(java.util.function.Supplier<Object> load) {
        long before = usedAfterGc();
        Object table = load.get();
        long after = usedAfterGc();
        Timing.consume(table.hashCode());
        return Math.max(0, after - before);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static void write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] regions = {"north", "south", "east", "west"};
        String[] plans = {"basic", "plus", "pro"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("id");
            for (int j = 0; j < 15; j++) {
                header.append(",x").append(j);
            }
            out.write(header.append(",region,plan,day,label\n").toString());
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(i);
                for (int j = 0; j < 15; j++) {
                    line.append(',').append(String.format(Locale.ROOT, "%.4f", random.nextDouble() * 200 - 100));
                }
                line.append(',').append(regions[i % 4]).append(',').append(plans[i % 3]).append(",2024-01-")
                        .append(String.format(Locale.ROOT, "%02d", 1 + i % 28)).append(',')
                        .append(random.nextDouble() < 0.3 ? "yes" : "no").append('\n');
                out.write(line.toString());
            }
        }
    }
}
