package org.twinbench.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * A bottom-k sketch of the rows a model was trained on (Broder, 1997; Cohen & Kaplan, 2007): each row's values in
 * the sketch's columns hash to 64 bits, and the sketch keeps the {@value #K} smallest distinct hashes. Any other
 * table's rows then say how many of them were training rows without the training data at hand: a row whose hash
 * is at most the sketch's largest is a training row exactly when its hash is in the sketch, so the share among
 * those rows estimates the share among all (about ±{@code 2·sqrt(p(1-p)/m)} for {@code m} such rows).
 *
 * @param columns the columns hashed, in order (the model's features and its target)
 * @param hashes  the smallest distinct row hashes, ascending; fewer than {@value #K} when there were fewer rows
 */
public record RowSketch(List<String> columns, long[] hashes) {

    /** Low mantissa bits a number is rounded away from before hashing. */
    private static final int ROUNDED_BITS = 20;

    /** Hashes kept. */
    public static final int K = 512;

    public RowSketch {
        columns = List.copyOf(columns);
        hashes = hashes.clone();
    }

    /** The sketch of {@code rows} of {@code frame} over {@code columns} (every one of them in the frame). */
    public static RowSketch of(Frame frame, int[] rows, List<String> columns) {
        Column[] read = columns.stream().map(frame::column).toArray(Column[]::new);
        TreeSet<Long> smallest = new TreeSet<>(Long::compareUnsigned);
        for (int row : rows) {
            long hash = hash(read, row);
            if (smallest.size() < K) {
                smallest.add(hash);
            } else if (Long.compareUnsigned(hash, smallest.last()) < 0 && smallest.add(hash)) {
                smallest.pollLast();
            }
        }
        return new RowSketch(columns, smallest.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * What share of {@code frame}'s rows are among the sketched rows, estimated, with the number of rows the
     * estimate rests on; null when the frame lacks a sketched column or none of its rows falls in the sketch's
     * range.
     */
    public Share shareIn(Frame frame) {
        if (hashes.length == 0 || !columns.stream().allMatch(frame::has)) {
            return null;
        }
        Column[] read = columns.stream().map(frame::column).toArray(Column[]::new);
        // With fewer than K distinct training rows the sketch holds them all: every row is in range.
        long limit = hashes.length < K ? -1L : hashes[hashes.length - 1];
        int inRange = 0;
        int found = 0;
        for (int row = 0; row < frame.rowCount(); row++) {
            long hash = hash(read, row);
            if (Long.compareUnsigned(hash, limit) <= 0) {
                inRange++;
                found += contains(hash) ? 1 : 0;
            }
        }
        return inRange == 0 ? null : new Share(found / (double) inRange, inRange);
    }

    /**
     * An estimated share of rows that were training rows.
     *
     * @param share the share among the rows the estimate rests on
     * @param rows  how many rows it rests on
     */
    public record Share(double share, int rows) {
    }

    private boolean contains(long hash) {
        int lo = 0;
        int hi = hashes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int order = Long.compareUnsigned(hashes[mid], hash);
            if (order == 0) {
                return true;
            }
            if (order < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /**
     * A row's hash: its values (numbers rounded to 32 significant bits, about 9 decimal digits, so that a file
     * written again by another program — whose float parsing and printing may move the last digit — still matches;
     * text as its UTF-8 bytes; missing as a mark of its own), separated, through 64-bit FNV-1a and the SplitMix64
     * finaliser.
     */
    static long hash(Column[] columns, int row) {
        long h = 0xcbf29ce484222325L;
        for (Column column : columns) {
            if (column instanceof NumericColumn numeric) {
                double v = numeric.get(row);
                long bits = Double.isNaN(v) ? 0x7ff8000000000000L : v == 0 ? 0 : Double.doubleToLongBits(v);
                // Round the 52-bit mantissa to its top 32 bits (a carry into the exponent is still a rounding).
                bits = (bits + (1L << (ROUNDED_BITS - 1))) & -(1L << ROUNDED_BITS);
                for (int shift = 0; shift < 64; shift += 8) {
                    h = (h ^ ((bits >>> shift) & 0xff)) * 0x100000001b3L;
                }
            } else {
                String v = ((CategoricalColumn) column).get(row);
                for (byte b : (v == null ? "\u0000" : v).getBytes(StandardCharsets.UTF_8)) {
                    h = (h ^ (b & 0xff)) * 0x100000001b3L;
                }
            }
            h = (h ^ 0x1f) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowSketch that && columns.equals(that.columns) && Arrays.equals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "RowSketch" + columns + "[" + hashes.length + " hashes]";
    }
}
