package org.twinbench.sim.source;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.sim.Seeds;

/**
 * Draws each step's batch from the production rows of a dataset, in one of four {@link Sampling}
 * ways: at random with replacement; without replacement within a step; without replacement across
 * steps (epochs); or, for a table sorted by its time column, as consecutive rows: step t gets rows
 * t·b … t·b + b − 1; after the last row the replay either ends (the last batch may be short) or, when
 * asked to loop, wraps around to the first.
 */
public final class DatasetSource implements BatchSource {

    /** How a step's rows are chosen, under the names of the dataset node's {@code sampling} parameter. */
    public enum Sampling {
        /** Each row of a batch drawn uniformly, independently: rows may repeat, even within a step. */
        WITH_REPLACEMENT("with-replacement"),
        /** A batch is a random subset of the production rows: no row twice in a step, repeats across steps. */
        PER_STEP("per-step"),
        /**
         * Without replacement across steps: a seeded random permutation of the production rows is
         * consumed batch after batch; when it runs out (an epoch) a new permutation starts. No row
         * repeats within an epoch.
         */
        EPOCHS("epochs"),
        /** Consecutive rows in table (time) order. */
        IN_ORDER("in-order");

        private final String id;

        Sampling(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The names a scenario may use (in-order is chosen by naming a time column). */
        public static final java.util.List<String> CHOICES = java.util.List.of("with-replacement", "per-step", "epochs");

        public static Sampling of(String id) {
            String wanted = id.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown sampling '" + id + "'; use one of "
                            + CHOICES));
        }
    }

    /** Permutations kept per (replicate, epoch): enough for the replicates that run at the same time. */
    private static final int CACHED_PERMUTATIONS = 8;

    private final String nodeId;
    private final Frame production;
    private final int batchSize;
    private final Sampling sampling;
    private final long seed;
    private final boolean stopAtEnd;
    private final Map<Long, int[]> permutations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
            return size() > CACHED_PERMUTATIONS;
        }
    };

    public DatasetSource(String nodeId, Frame production, int batchSize, Sampling sampling, long seed) {
        this(nodeId, production, batchSize, sampling, seed, false);
    }

    /**
     * @param stopAtEnd for an in-order replay: end after the last row instead of wrapping around
     */
    public DatasetSource(String nodeId, Frame production, int batchSize, Sampling sampling, long seed,
                         boolean stopAtEnd) {
        this.nodeId = nodeId;
        this.production = production;
        this.batchSize = batchSize;
        this.sampling = sampling;
        this.seed = seed;
        this.stopAtEnd = stopAtEnd && sampling == Sampling.IN_ORDER;
    }

    public DatasetSource(String nodeId, Frame production, int batchSize, boolean replace, boolean inOrder) {
        this(nodeId, production, batchSize, inOrder ? Sampling.IN_ORDER
                : replace ? Sampling.WITH_REPLACEMENT : Sampling.PER_STEP, 0);
    }

    public DatasetSource(String nodeId, Frame production, int batchSize, boolean replace) {
        this(nodeId, production, batchSize, replace, false);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    public Frame production() {
        return production;
    }

    public int batchSize() {
        return batchSize;
    }

    public Sampling sampling() {
        return sampling;
    }

    public boolean replace() {
        return sampling == Sampling.WITH_REPLACEMENT;
    }

    public boolean inOrder() {
        return sampling == Sampling.IN_ORDER;
    }

    @Override
    public Frame batch(int step, int replicate, SplittableRandom random) {
        return switch (sampling) {
            case IN_ORDER -> production.select(inOrderRows(step));
            case EPOCHS -> production.select(epochRows(step, replicate));
            default -> batch(random);
        };
    }

    private int[] inOrderRows(int step) {
        int n = production.rowCount();
        long first = (long) step * batchSize;
        int size = stopAtEnd ? (int) Math.max(0, Math.min(batchSize, n - first)) : batchSize;
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = (int) ((first + i) % n);
        }
        return rows;
    }

    /** A batch is always a selection of the production rows into new arrays ({@link Frame#select}). */
    @Override
    public boolean freshBatches() {
        return true;
    }

    /** All the steps asked for, or, for an in-order replay that stops at the end, no more than its rows fill. */
    @Override
    public int steps(int asked) {
        if (!stopAtEnd) {
            return asked;
        }
        long available = (production.rowCount() + (long) batchSize - 1) / batchSize;
        return (int) Math.min(asked, available);
    }

    /**
     * Positions {@code t·b … t·b + b − 1} of the endless sequence made of one permutation per epoch
     * (epoch {@code e} covering positions {@code e·n … e·n + n − 1}); a batch may end one epoch and
     * start the next.
     */
    int[] epochRows(int step, int replicate) {
        int n = production.rowCount();
        int[] rows = new int[batchSize];
        long position = (long) step * batchSize;
        int filled = 0;
        while (filled < batchSize) {
            long epoch = position / n;
            int offset = (int) (position % n);
            int take = Math.min(batchSize - filled, n - offset);
            System.arraycopy(permutation(replicate, epoch), offset, rows, filled, take);
            filled += take;
            position += take;
        }
        return rows;
    }

    /** The epoch's permutation: a Fisher-Yates shuffle from the stream of (seed, node/epoch, replicate, epoch). */
    private int[] permutation(int replicate, long epoch) {
        long key = ((long) replicate << 32) ^ epoch;
        synchronized (permutations) {
            int[] cached = permutations.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int n = production.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = Seeds.random(seed, nodeId + "/epoch", replicate, (int) epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        synchronized (permutations) {
            permutations.put(key, order);
        }
        return order;
    }

    /** A batch drawn with {@code random}: with replacement, or a random subset of the rows (per step). */
    public Frame batch(SplittableRandom random) {
        int n = production.rowCount();
        boolean replace = sampling != Sampling.PER_STEP;
        int size = replace ? batchSize : Math.min(batchSize, n);
        int[] rows = new int[size];
        if (replace) {
            for (int i = 0; i < size; i++) {
                rows[i] = random.nextInt(n);
            }
        } else {
            // Partial Fisher-Yates: the first `size` entries of a random permutation.
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < size; i++) {
                int j = i + random.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                rows[i] = all[i];
            }
        }
        return production.select(rows);
    }
}
