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
 * student learns the teacher's scores rather than the labels. Two students:
 * <ul>
 *   <li>{@code logistic}: a logistic regression fitted to the teacher's positive-class scores as soft targets
 *       ({@link Surrogate}, ridge λ = {@value Surrogate#LAMBDA} on standardised features), saved and scored as any
 *       {@link LogisticModel};</li>
 *   <li>{@code tree}: a regression tree of at most {@code depth} levels fitted to the scores by squared error
 *       ({@link TreeStudent}, scikit-learn's {@code DecisionTreeRegressor(max_depth=depth)}).</li>
 * </ul>
 * What it costs and saves is measured: {@link #fileBytes} is the size of a model's {@code .twinmodel} file,
 * {@link #nanosPerRow} its scoring time; {@link #distil} does both for a student and its teacher.
 */
public final class Distillation {

    /** Timings of {@link #nanosPerRow}: the median of this many, after as many unmeasured ones. */
    public static final int TIMINGS = 7;
    /** The students a deployment can serve, by their scenario names. */
    public static final java.util.List<String> STUDENTS = java.util.List.of("logistic", "tree");

    private Distillation() {
    }

    /** A logistic student of {@code teacher}, fitted to its scores of {@code rows}, over the teacher's features. */
    public static LogisticModel logisticStudent(BinaryClassifier teacher, Frame rows) {
        return logisticStudent(teacher.card(), rows, teacher.scorePositive(rows));
    }

    /** A logistic student fitted to {@code scores} of {@code rows}, over the features of {@code card}. */
    public static LogisticModel logisticStudent(ModelCard card, Frame rows, double[] scores) {
        FeatureEncoder encoder = FeatureEncoder.fit(rows, card.features());
        double[] weights = Surrogate.fit(encoder.encode(rows), scores, Surrogate.LAMBDA, null);
        LogisticRegression.Binomial regression = new LogisticRegression.Binomial(weights, Double.NaN,
                Surrogate.LAMBDA, new IntSet(new int[] {0, 1}));
        return new LogisticModel(encoder, regression, studentCard(card, Algorithm.LOGISTIC.id(), rows));
    }

    /** A tree student of at most {@code depth} levels fitted to {@code scores} of {@code rows}, over {@code card}'s features. */
    public static TreeStudent treeStudent(ModelCard card, Frame rows, double[] scores, int depth) {
        FeatureEncoder encoder = FeatureEncoder.fit(rows, card.features());
        return TreeStudent.fit(encoder, studentCard(card, TreeStudent.ALGORITHM, rows), encoder.encode(rows), scores,
                depth, 1);
    }

    /** The student named {@code kind} ({@link #STUDENTS}) fitted to {@code scores} of {@code rows}. */
    public static BinaryClassifier student(String kind, int depth, ModelCard card, Frame rows, double[] scores) {
        return switch (kind) {
            case "logistic" -> logisticStudent(card, rows, scores);
            case "tree" -> treeStudent(card, rows, scores, depth);
            default -> throw new IllegalArgumentException("unknown student '" + kind + "'; known: " + STUDENTS);
        };
    }

    /**
     * Distils {@code teacher} on {@code rows} into the student named {@code kind}, and measures both: the time the
     * distillation took, each one's scoring time on {@code rows} ({@link #nanosPerRow}) and file size
     * ({@code teacherBytes} when the teacher's own file is known, else {@link #fileBytes}), and the share of
     * {@code rows} on which the student decides as the teacher at 0.5.
     */
    public static DistilledModel distil(BinaryClassifier teacher, Frame rows, String kind, int depth,
                                        long teacherBytes) {
        long start = System.nanoTime();
        double[] taught = teacher.scorePositive(rows);
        BinaryClassifier student = student(kind, depth, teacher.card(), rows, taught);
        long took = System.nanoTime() - start;
        double[] nanos = nanosPerRow(student, teacher, rows);
        double[] learnt = student.scorePositive(rows);
        int same = 0;
        for (int i = 0; i < learnt.length; i++) {
            same += (taught[i] >= 0.5) == (learnt[i] >= 0.5) ? 1 : 0;
        }
        return new DistilledModel(teacher, student, kind, took, nanos[0], nanos[1], fileBytes(student),
                teacherBytes >= 0 ? teacherBytes : fileBytes(teacher), learnt.length,
                learnt.length == 0 ? Double.NaN : (double) same / learnt.length);
    }

    private static ModelCard studentCard(ModelCard teacher, String algorithm, Frame rows) {
        return new ModelCard(algorithm, teacher.target(), teacher.positiveLabel(), teacher.features(),
                teacher.trainingDataSha256(), rows.rowCount(), Map.of());
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
        return nanosPerRow(model, model, rows)[0];
    }

    /**
     * As {@link #nanosPerRow(BinaryClassifier, Frame)} for two models timed in turn, round by round, so that a
     * burst of load from other processes slows both alike: {first's, second's}.
     */
    public static double[] nanosPerRow(BinaryClassifier first, BinaryClassifier second, Frame rows) {
        double[][] timings = new double[2][TIMINGS];
        BinaryClassifier[] models = {first, second};
        for (int round = 0; round < 2 * TIMINGS; round++) {
            for (int m = 0; m < 2; m++) {
                long start = System.nanoTime();
                models[m].scorePositive(rows);
                long elapsed = System.nanoTime() - start;
                if (round >= TIMINGS) {
                    timings[m][round - TIMINGS] = elapsed;
                }
            }
        }
        double[] out = new double[2];
        for (int m = 0; m < 2; m++) {
            Arrays.sort(timings[m]);
            out[m] = timings[m][TIMINGS / 2] / Math.max(rows.rowCount(), 1);
        }
        return out;
    }
}
