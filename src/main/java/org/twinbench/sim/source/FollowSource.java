package org.twinbench.sim.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.twinbench.data.Cancellation;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.CellValues;
import org.twinbench.data.CsvLine;
import org.twinbench.data.DataException;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.DateTimes;
import org.twinbench.data.FileTail;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * Follows a growing file by the calendar ({@code follow: true}): step {@code t} is the {@code t}-th
 * calendar window, as in {@link CalendarSource}, but a window is run only once it closes, that is once a
 * row of a later window has arrived. The windows of the file as it was at the start are closed but the
 * last; then {@link #batch} waits for rows appended to the file ({@link FileTail}: complete lines only,
 * nothing read twice, truncation and rotation reported). A row dated in a window already closed comes
 * too late and is left out, and so is a row without a readable date, each said in a note. The run ends
 * ({@link #batch} returns null) when nothing has arrived for the idle time ({@link #idleExit}), the
 * open window then closed and run, or when {@link #stop} is called.
 */
public final class FollowSource implements BatchSource {

    /** How often the file is looked at while waiting. */
    static final Duration POLL = Duration.ofMillis(100);

    private final String nodeId;
    private final Frame schema;
    private final String timeColumn;
    private final DateTimes.Format format;
    private final CalendarSource.Window window;
    private final UnaryOperator<Frame> mask;
    private final Consumer<String> notes;
    private final String header;
    private final java.nio.file.PathMatcher nextFiles;
    private FileTail tail;
    private Path current;
    private final char delimiter;
    /** The encoding the node names; null: each file's is detected. */
    private final java.nio.charset.Charset named;
    private final Cancellation stop = new Cancellation();
    private final List<Frame> closed = new ArrayList<>();
    /** Read without the lock, so that a chart naming windows never waits while a step waits for rows. */
    private final List<LocalDate> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The open window: its rows from the file as it was at the start, and the rows appended since. */
    private Frame open;
    private final List<Pending> pending = new ArrayList<>();
    private LocalDate openStart;
    private volatile Duration idleExit;
    private volatile java.util.function.BooleanSupplier cancelled = () -> false;
    private boolean ended;

    /** The file as read at the start: its table, its size in bytes, its lines and its header line. */
    public record Snapshot(Dataset dataset, long bytes, long lines, String header, java.nio.charset.Charset charset) {
    }

    /**
     * Reads {@code file} as it is now, in the node's {@code encoding}, once it ends with a complete line and
     * does not change while it is read (tried a few times while a writer is busy).
     *
     * @throws ScenarioException naming the node when the file never settles
     */
    public static Snapshot snapshot(ScenarioNode node, Path file) {
        org.twinbench.data.LoadOptions options = SourceEncoding.options(node);
        for (int attempt = 0; attempt < 20; attempt++) {
            long before = sizeOf(file);
            if (before < 0) {
                // Missing or unreadable: the loader says so as it does for every data file.
                TableLoader.load(file, options);
            }
            java.nio.charset.Charset charset = before > 0 ? FileTail.encodingOf(file, options.charset()) : null;
            if (before > 0 && endsWithLineEnd(file, before, charset)) {
                Dataset dataset = TableLoader.load(file, options);
                if (sizeOf(file) == before) {
                    FileTail.Head head = FileTail.head(file, charset, before);
                    return new Snapshot(dataset, before, head.lines(), head.header(), charset);
                }
            }
            sleep(POLL);
        }
        throw new ScenarioException("node " + node.id() + ": " + file + " does not end with a complete line (or keeps"
                + " changing while it is read); follow needs a header and rows that end with a line break");
    }

    private FollowSource(ScenarioNode node, Frame production, Snapshot snapshot, Path file, DateTimes.Format format,
                         CalendarSource calendar, UnaryOperator<Frame> mask, Consumer<String> notes) {
        this.nodeId = node.id();
        this.schema = production.slice(0, 0);
        this.timeColumn = node.string("time_column");
        this.format = format;
        this.window = calendar.window();
        this.mask = mask;
        this.notes = notes;
        this.header = snapshot.header();
        this.delimiter = delimiterOf(nodeId, snapshot.header(), production.columnNames());
        this.nextFiles = matcher(node);
        this.current = file;
        this.named = SourceEncoding.of(node);
        this.tail = new FileTail(file, snapshot.charset(), snapshot.bytes(), snapshot.lines(), snapshot.header(), notes);
        for (int w = 0; w < calendar.windowCount(); w++) {
            Frame rows = calendar.batch(w, 0, null);
            LocalDate start = LocalDate.parse(calendar.windowStart(w));
            if (w < calendar.windowCount() - 1) {
                closed.add(rows);
                starts.add(start);
            } else {
                open = rows;
                openStart = start;
            }
        }
    }

    /**
     * Follows the production rows of a calendar replay of {@code file}, read by {@link #snapshot}: the
     * node's {@code time_column}, and its {@code follow_files}, a pattern of the names of the files that
     * come after this one in its folder.
     */
    public static FollowSource of(ScenarioNode node, Frame production, Snapshot snapshot, Path file,
                                  DateTimes.Format format, CalendarSource calendar, UnaryOperator<Frame> mask,
                                  Consumer<String> notes) {
        return new FollowSource(node, production, snapshot, file, format, calendar, mask, notes);
    }

    private static java.nio.file.PathMatcher matcher(ScenarioNode node) {
        String pattern = node.string("follow_files");
        if (pattern == null) {
            return null;
        }
        if (pattern.contains("/") || pattern.contains("\\")) {
            throw new ScenarioException("node " + node.id() + ": follow_files '" + pattern + "' must be a pattern of"
                    + " file names in the data file's folder (e.g. log-*.csv), not a path");
        }
        try {
            return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("node " + node.id() + ": follow_files '" + pattern + "' is not a file name"
                    + " pattern: " + e.getMessage());
        }
    }

    /** Ends the run after {@code idle} without new rows (null: never); set before the run starts. */
    public void idleExit(Duration idle) {
        this.idleExit = idle;
    }

    @Override
    public void stopWaitingWhen(java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    /** Ends the run: the step waiting for its window returns without one. Any thread may call it. */
    public void stop() {
        stop.cancel();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    /** The rows of the step's window, once it has closed; null when the run ends before it does. */
    @Override
    public synchronized Frame batch(int step, int replicate, SplittableRandom random) {
        long lastGrowth = System.nanoTime();
        while (closed.size() <= step && !ended) {
            if (stop.isCancelled() || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return null;
            }
            if (take(tail.read()) || nextFile()) {
                lastGrowth = System.nanoTime();
                continue;
            }
            Duration idle = idleExit;
            if (idle != null && System.nanoTime() - lastGrowth >= idle.toNanos()) {
                notes.accept("no new rows for " + idle.toMillis() / 1000.0 + " s: the window of " + openStart
                        + " is closed with " + (open.rowCount() + pending.size()) + " rows and the run ends");
                closeOpen();
                ended = true;
                break;
            }
            sleep(POLL);
        }
        return step < closed.size() ? closed.get(step) : null;
    }

    /** The first day of a closed window; null for one that has not closed yet. */
    @Override
    public String windowStart(int step) {
        return step < starts.size() ? starts.get(step).toString() : null;
    }

    @Override
    public String windowStartOf(LocalDate date) {
        return window.start(date).toString();
    }

    /**
     * Moves on to the first file after the current one (by name) that matches {@code follow_files}, once the
     * current one has given all its complete lines; true when it did.
     */
    private boolean nextFile() {
        if (nextFiles == null) {
            return false;
        }
        Path next;
        try (java.util.stream.Stream<Path> files = Files.list(current.toAbsolutePath().getParent())) {
            String name = current.getFileName().toString();
            next = files.filter(f -> nextFiles.matches(f.getFileName()) && f.getFileName().toString().compareTo(name) > 0
                    && Files.isRegularFile(f)).min(java.util.Comparator.comparing(f -> f.getFileName().toString()))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(current.getParent() + ": cannot be listed: " + e.getMessage(), e);
        }
        if (next == null) {
            return false;
        }
        take(tail.read());
        notes.accept("reading " + next.getFileName() + " after " + current.getFileName());
        current = next;
        tail = new FileTail(next, FileTail.encodingOf(next, named), 0, 0, header, notes);
        return true;
    }

    /** An appended row and the line it came from. */
    private record Pending(String line, String[] cells) {
    }

    private String where(FileTail.Line line) {
        return current.getFileName() + " line " + line.number();
    }

    /** Reads appended lines into windows; true when any line arrived. */
    private boolean take(List<FileTail.Line> lines) {
        if (lines.isEmpty()) {
            return false;
        }
        int columns = schema.columnNames().size();
        int time = schema.columnNames().indexOf(timeColumn);
        for (FileTail.Line line : lines) {
            String[] cells;
            try {
                cells = CsvLine.split(line.text(), delimiter, where(line));
            } catch (DataException e) {
                notes.accept(e.getMessage() + ": left out");
                continue;
            }
            if (cells.length != columns) {
                notes.accept(where(line) + " has " + cells.length + " fields, the header " + columns
                        + ": left out");
                continue;
            }
            double seconds = format.seconds(CellValues.normalise(cells[time]));
            if (Double.isNaN(seconds)) {
                notes.accept(where(line) + ": no date in " + timeColumn + ": left out");
                continue;
            }
            LocalDate start = window.start(LocalDate.ofEpochDay(Math.floorDiv((long) Math.floor(seconds), 86_400L)));
            if (start.isBefore(openStart)) {
                notes.accept(where(line) + " is dated in the window of " + start
                        + ", already closed: left out");
                continue;
            }
            if (start.isAfter(openStart)) {
                closeOpen();
                open = schema;
                openStart = start;
            }
            pending.add(new Pending(where(line), cells));
        }
        return true;
    }

    /** Closes the open window: its rows become the next step's batch (once, so rows are never copied twice). */
    private void closeOpen() {
        open = concat(open, frame(pending));
        pending.clear();
        if (open.rowCount() > 0) {
            closed.add(open);
            starts.add(openStart);
        }
    }

    /** New rows as a frame of the replay's columns (numbers as numbers), masked like the first rows. */
    private Frame frame(List<Pending> rows) {
        if (rows.isEmpty()) {
            return schema;
        }
        List<Column> columns = new ArrayList<>();
        List<String> names = schema.columnNames();
        for (int c = 0; c < names.size(); c++) {
            String[] text = new String[rows.size()];
            for (int r = 0; r < text.length; r++) {
                text[r] = CellValues.normalise(rows.get(r).cells()[c]);
            }
            if (schema.column(names.get(c)) instanceof NumericColumn) {
                double[] values = new double[text.length];
                for (int r = 0; r < text.length; r++) {
                    Double value = text[r] == null ? null : CellValues.parseNumber(text[r]);
                    if (text[r] != null && value == null) {
                        notes.accept(rows.get(r).line() + ": column '" + names.get(c) + "' holds '"
                                + text[r] + "', not a number: read as missing");
                    }
                    values[r] = value == null ? Double.NaN : value;
                }
                columns.add(new NumericColumn(names.get(c), values));
            } else {
                columns.add(CategoricalColumn.of(names.get(c), text));
            }
        }
        return mask.apply(new Frame(columns));
    }

    private static Frame concat(Frame a, Frame b) {
        if (b.rowCount() == 0) {
            return a;
        }
        if (a.rowCount() == 0) {
            return b;
        }
        List<Column> columns = new ArrayList<>();
        for (String name : a.columnNames()) {
            if (a.column(name) instanceof NumericColumn first) {
                double[] values = java.util.Arrays.copyOf(first.values(), a.rowCount() + b.rowCount());
                System.arraycopy(b.numeric(name).values(), 0, values, a.rowCount(), b.rowCount());
                columns.add(new NumericColumn(name, values));
            } else {
                String[] text = new String[a.rowCount() + b.rowCount()];
                for (int r = 0; r < a.rowCount(); r++) {
                    text[r] = a.categorical(name).get(r);
                }
                for (int r = 0; r < b.rowCount(); r++) {
                    text[a.rowCount() + r] = b.categorical(name).get(r);
                }
                columns.add(CategoricalColumn.of(name, text));
            }
        }
        return new Frame(columns);
    }

    /** The delimiter that splits the header into the table's columns. */
    private static char delimiterOf(String nodeId, String header, List<String> names) {
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            String[] cells = CsvLine.split(header, candidate, "the header");
            if (cells.length == names.size() && java.util.Arrays.stream(cells).map(String::strip).toList().equals(names)) {
                return candidate;
            }
        }
        throw new ScenarioException("node " + nodeId + ": follow needs a delimited file whose first line names its"
                + " columns");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Whether the file's last character is a line end: two bytes in UTF-16 ({@code 0A 00} little-endian,
     * {@code 00 0A} big-endian), else the byte {@code 0A}.
     */
    private static boolean endsWithLineEnd(Path file, long size, java.nio.charset.Charset charset) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer two = java.nio.ByteBuffer.allocate(2);
            long from = Math.max(0, size - 2);
            int n = channel.read(two, from);
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                return n == 2 && two.get(0) == '\n' && two.get(1) == 0;
            }
            if (charset.equals(StandardCharsets.UTF_16BE)) {
                return n == 2 && two.get(0) == 0 && two.get(1) == '\n';
            }
            return two.get(n - 1) == '\n';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
