package org.twinbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.SweepExecutor;
import org.twinbench.sim.sweep.TaskResult;

/**
 * Writes a sweep's folder while it runs: task results arrive in any order; as soon as every replicate
 * of a point is in, the point's folder is written and its steps let go, keeping only the point's
 * summary for {@code sweep.csv}. Memory then grows with the points still incomplete, not with the
 * sweep. The files are exactly those of {@link SweepFiles#write}.
 */
public final class SweepWriter implements SweepExecutor.Results {

    private final Path dir;
    private final List<Map<String, Object>> grid;
    private final int replicates;
    private final RunProvenance provenance;
    private final Map<Integer, TaskResult[]> pending = new HashMap<>();
    private final Sweep.Point[] done;
    private int largestPending;

    /**
     * @param grid the sweep's points ({@link Sweep#grid}); task {@code i} is replicate {@code i % replicates}
     *     of point {@code i / replicates}, as {@link Sweep#tasks} orders them
     */
    public SweepWriter(Path dir, List<Map<String, Object>> grid, int replicates, RunProvenance provenance) {
        this.dir = dir;
        this.grid = List.copyOf(grid);
        this.replicates = replicates;
        this.provenance = provenance;
        this.done = new Sweep.Point[grid.size()];
    }

    @Override
    public synchronized void accept(int task, TaskResult result) {
        int point = task / replicates;
        if (point >= grid.size() || done[point] != null) {
            throw new IllegalArgumentException("task " + task + " is not an unfinished task of this sweep");
        }
        TaskResult[] slots = pending.computeIfAbsent(point, p -> new TaskResult[replicates]);
        slots[task % replicates] = result;
        largestPending = Math.max(largestPending, pending.size());
        if (Arrays.stream(slots).allMatch(s -> s != null)) {
            pending.remove(point);
            Sweep.Point finished = Sweep.point(grid.get(point), Arrays.asList(slots));
            SweepFiles.writePoint(dir, point, finished, provenance);
            done[point] = finished.withoutSteps();
        }
    }

    /** The most points that were incomplete at one time (what the writer held). */
    public synchronized int largestPending() {
        return largestPending;
    }

    /** Writes {@code sweep.csv} once every point is in; returns the points (summaries, without steps). */
    public synchronized List<Sweep.Point> finish() {
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            if (done[i] == null) {
                throw new IllegalStateException("point " + i + " of the sweep has no results for every replicate");
            }
            points.add(done[i]);
        }
        RunFiles.writeSweep(dir.resolve(SweepFiles.SWEEP), points);
        return points;
    }
}
