package org.twinbench.sim.source;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/**
 * Replays dated rows by the calendar: step {@code t} holds every row of the {@code t}-th calendar
 * window (day, ISO week, month or quarter) that has rows, in time order, whatever the file order.
 * Rows whose time is missing are left out. After the last window the replay either ends (the run stops
 * there) or, when asked to {@link AtEnd#LOOP loop}, starts again at the first.
 */
public final class CalendarSource implements BatchSource {

    /** The calendar window of one step, under the names of the dataset node's {@code window} parameter. */
    public enum Window {
        DAY, WEEK, MONTH, QUARTER;

        /** The names a scenario may use. */
        public static final List<String> CHOICES = List.of("day", "week", "month", "quarter");

        public static Window of(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(w -> w.id().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown window '" + name + "'; use one of "
                            + CHOICES));
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the window holding {@code date} (weeks start on Monday, as ISO weeks do). */
        public LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            };
        }
    }

    /** What happens after the last window, under the names of the {@code at_end} parameter. */
    public enum AtEnd {
        /** The run ends after the last window, even if more steps were asked for. */
        STOP,
        /** The replay starts again at the first window. */
        LOOP;

        public static final List<String> CHOICES = List.of("stop", "loop");

        public static AtEnd of(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown at_end '" + name + "'; use one of "
                            + CHOICES));
        }
    }

    private final String nodeId;
    private final Frame production;
    private final Window window;
    private final AtEnd atEnd;
    private final int[][] rows;
    private final LocalDate[] starts;

    private CalendarSource(String nodeId, Frame production, Window window, AtEnd atEnd, int[][] rows,
                           LocalDate[] starts) {
        this.nodeId = nodeId;
        this.production = production;
        this.window = window;
        this.atEnd = atEnd;
        this.rows = rows;
        this.starts = starts;
    }

    /**
     * The windows of {@code production}, whose row {@code i} happened at {@code seconds[i]} (epoch seconds,
     * UTC; NaN when unknown).
     */
    public static CalendarSource of(String nodeId, Frame production, double[] seconds, Window window, AtEnd atEnd) {
        int[] order = TimeColumns.order(seconds);
        int dated = 0;
        while (dated < order.length && !Double.isNaN(seconds[order[dated]])) {
            dated++;
        }
        List<int[]> windows = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        long day = Long.MIN_VALUE;
        LocalDate start = null;
        int from = 0;
        for (int k = 0; k <= dated; k++) {
            LocalDate rowStart = start;
            if (k < dated) {
                long rowDay = Math.floorDiv((long) Math.floor(seconds[order[k]]), 86_400L);
                if (rowDay != day) {
                    day = rowDay;
                    rowStart = window.start(LocalDate.ofEpochDay(rowDay));
                }
            }
            if (k == dated || !rowStart.equals(start)) {
                if (start != null) {
                    windows.add(Arrays.copyOfRange(order, from, k));
                    starts.add(start);
                }
                start = rowStart;
                from = k;
            }
        }
        return new CalendarSource(nodeId, production, window, atEnd, windows.toArray(new int[0][]),
                starts.toArray(new LocalDate[0]));
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    /** How many windows hold rows. */
    public int windowCount() {
        return rows.length;
    }

    public Window window() {
        return window;
    }

    public AtEnd atEnd() {
        return atEnd;
    }

    /** The number of rows of the step's window. */
    public int rowCount(int step) {
        return rows[step % rows.length].length;
    }

    @Override
    public Frame batch(int step, int replicate, SplittableRandom random) {
        return production.select(rows[step % rows.length]);
    }

    /** The first day of the step's window, as an ISO date. */
    @Override
    public String windowStart(int step) {
        return starts[step % starts.length].toString();
    }

    @Override
    public String windowStartOf(LocalDate date) {
        return window.start(date).toString();
    }

    /** All the steps asked for, or at most one per window when stopping after the last. */
    @Override
    public int steps(int asked) {
        return atEnd == AtEnd.STOP ? Math.min(asked, rows.length) : asked;
    }
}
