package org.twinbench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.twinbench.data.Frame;
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * Distillation (Hinton, Vinyals &amp; Dean, "Distilling the Knowledge in a Neural Network", 2015): a small
 * student learns the teacher's scores rather than the labels. The student here is a logistic regression fitted to
 * the teacher's positive-class scores as soft targets ({@link Surrogate}, ridge λ = {@value Surrogate#LAMBDA} on
 * standardised features), saved and scored as any {@link LogisticModel}. What it costs and saves is measured:
 * {@link #fileBytes} is the size of a model's {@code .twinmodel} file, {@link #nanosPerRow} its scoring time.
 */
public final class Distillation {

    /** Timings of {@link #nanosPerRow}: the median of this many, after as many unmeasured ones. */
    public static final int TIMINGS = 7;

    private Distillation() {
    }

    /** A logistic student of {@code teacher}, fitted to its scores of {@code rows}, over the teacher's features. */
    public static LogisticModel logisticStudent(BinaryClassifier teacher, Frame rows) {
        ModelCard card = teacher.card();
        FeatureEncoder encoder = FeatureEncoder.fit(rows, card.features());
        double[] weights = Surrogate.fit(encoder.encode(rows), teacher.scorePositive(rows), Surrogate.LAMBDA, null);
        LogisticRegression.Binomial regression = new LogisticRegression.Binomial(weights, Double.NaN,
                Surrogate.LAMBDA, new IntSet(new int[] {0, 1}));
        ModelCard studentCard = new ModelCard(Algorithm.LOGISTIC.id(), card.target(), card.positiveLabel(),
                card.features(), card.trainingDataSha256(), rows.rowCount(), Map.of());
        return new LogisticModel(encoder, regression, studentCard);
    }

    /** The size in bytes of {@code model} written as a {@code .twinmodel} file; -1 for a model TwinBench cannot write. */
    public static long fileBytes(TaskModel model) {
        Path file = null;
        try {
            file = Files.createTempFile("twinbench-size", ".twinmodel");
            ModelBundle.write(model, file);
            return Files.size(file);
        } catch (IllegalArgumentException | IllegalStateException | ModelException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is removed with the temporary folder.
                }
            }
        }
    }

    /**
     * The measured wall time of scoring {@code rows} with {@code model}, in nanoseconds per row: the median of
     * {@value #TIMINGS} timings after {@value #TIMINGS} unmeasured runs (so the JIT has compiled the scoring).
     * It depends on the machine and its load: use it for ratios measured on one machine at one time.
     */
    public static double nanosPerRow(BinaryClassifier model, Frame rows) {
        double[] timings = new double[TIMINGS];
        for (int round = 0; round < 2 * TIMINGS; round++) {
            long start = System.nanoTime();
            model.scorePositive(rows);
            long elapsed = System.nanoTime() - start;
            if (round >= TIMINGS) {
                timings[round - TIMINGS] = elapsed;
            }
        }
        Arrays.sort(timings);
        return timings[TIMINGS / 2] / Math.max(rows.rowCount(), 1);
    }
}
