package org.twinbench.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.source.CalendarSource;
import org.twinbench.sim.source.DatasetSource;
import org.twinbench.sim.source.TimeColumns;

/**
 * The calendar replay of ten million dated rows (US dates over ten years, in random file order): reading
 * the dates, putting the rows in time order, cutting them into weeks and drawing every week's batch; against
 * the row-count replay of the same rows in file order, in batches of the mean week's size.
 */
final class CalendarReplayWorkload implements Workload {

    @Override
    public String name() {
        return "engine.calendar-replay-1e7";
    }

    @Override
    public String description() {
        return "calendar replay by ISO week of 1e7 shuffled rows dated in US form (dates read, rows ordered, every"
                + " week's batch drawn), against the row-count replay of the same rows in batches of a mean week";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 200_000 : 10_000_000;
        int days = 3653;
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/uuuu");
        List<String> levels = new ArrayList<>(days);
        LocalDate first = LocalDate.of(2015, 1, 1);
        for (int d = 0; d < days; d++) {
            levels.add(first.plusDays(d).format(us));
        }
        SplittableRandom random = new SplittableRandom(11);
        int[] codes = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = random.nextInt(days);
            x[i] = random.nextGaussian();
        }
        CategoricalColumn when = new CategoricalColumn("when", codes, levels);
        Frame rows = new Frame(List.of(when, new NumericColumn("x", x)));
        ScenarioNode node = new ScenarioNode("bench", NodeCatalog.DATASET_SOURCE, Map.of(), 0, 0);
        int[] windows = new int[1];
        double ours = Timing.best(1, quick ? 2 : 3, () -> {
            // As the scenario compiler does: read the dates, put the rows in time order, cut the windows.
            double[] seconds = TimeColumns.dates(node, when, "when");
            int[] order = TimeColumns.order(seconds);
            CalendarSource source = CalendarSource.of("bench", rows.select(order), TimeColumns.sorted(seconds, order),
                    CalendarSource.Window.WEEK, CalendarSource.AtEnd.STOP);
            windows[0] = source.windowCount();
            long drawn = 0;
            for (int step = 0; step < source.windowCount(); step++) {
                drawn += source.batch(step, 0, null).rowCount();
            }
            Timing.consume(drawn);
        });
        int batch = Math.max(1, n / windows[0]);
        DatasetSource counted = new DatasetSource("bench", rows, batch, DatasetSource.Sampling.IN_ORDER, 0, true);
        int steps = counted.steps(Integer.MAX_VALUE);
        double reference = Timing.best(1, quick ? 2 : 3, () -> {
            long drawn = 0;
            for (int step = 0; step < steps; step++) {
                drawn += counted.batch(step, 0, null).rowCount();
            }
            Timing.consume(drawn);
        });
        return new BenchResult(name(), n, ours, "row-count replay in file order", reference,
                Map.of("windows", windows[0], "rows_per_window", batch));
    }
}
