package org.twinbench.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.model.DistilledModel;
import org.twinbench.model.TaskModel;

/**
 * Where the model runs, and what that costs in time and money per step. Each row of a step is one
 * request; requests arrive evenly over the {@code stepSeconds} of a step.
 * <ul>
 *   <li>service time: log-normal with median {@code medianMs} and log-sd {@code sigma}, halved when
 *       {@code quantized} (int8 inference; the usual rough speed-up);</li>
 *   <li>batching: a request waits until its batch of {@code batchSize} is full, i.e.
 *       {@code (batchSize - 1 - position in batch)} inter-arrival times;</li>
 *   <li>throughput: when requests arrive faster than {@code maxPerSecond}, request i is served at
 *       {@code i / maxPerSecond} instead of {@code i / rate} (a fluid queue), the difference is waiting;</li>
 *   <li>network: {@code cloud} adds {@code networkRttMs}; {@code edge} has no round trip;</li>
 *   <li>cost per step: {@code rows / 1000 * costPer1000 + fixedCostPerStep}.</li>
 * </ul>
 * With {@code quantized}, scores are also rounded to 8 bits (multiples of 1/255), which is the
 * accuracy side of the trade-off. Latency percentiles are nearest-rank: the ⌈p·n⌉-th smallest.
 * <p>
 * Defences against model extraction shape what the endpoint answers to an outside caller
 * ({@link #answer}): {@code answers} is {@code score} (the probability), {@code rounded} (to
 * {@code answerDecimals} decimals) or {@code label} (the top-1 decision only), and {@code queryLimit} caps
 * the queries one caller gets answered per step (0: no limit). The run's own metrics keep measuring the
 * model's scores.
 * <p>
 * {@code modelBytes} is the size of the served model's {@code .twinmodel} file (-1: unknown), recorded per
 * step as {@code model_bytes}; a distilled student ({@link DistilledModel}) records its own size, its measured
 * service-time scale and its teacher's figures instead (docs/scenarios.md#deploymentendpoint--deployment-target).
 */
public record Deployment(String nodeId, boolean cloud, double medianMs, double sigma, double networkRttMs,
                         int batchSize, double maxPerSecond, double stepSeconds, double costPer1000,
                         double fixedCostPerStep, boolean quantized, Answers answers, int answerDecimals,
                         int queryLimit, long modelBytes) {

    /** What the endpoint returns to a caller. */
    public enum Answers {
        SCORE, ROUNDED, LABEL;

        public static Answers of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** An endpoint without defences: full scores, no query limit. */
    public Deployment(String nodeId, boolean cloud, double medianMs, double sigma, double networkRttMs,
                      int batchSize, double maxPerSecond, double stepSeconds, double costPer1000,
                      double fixedCostPerStep, boolean quantized) {
        this(nodeId, cloud, medianMs, sigma, networkRttMs, batchSize, maxPerSecond, stepSeconds, costPer1000,
                fixedCostPerStep, quantized, Answers.SCORE, 0, 0, -1);
    }

    /** This endpoint serving a model whose file is {@code bytes} bytes (as a {@code .twinmodel} file; -1 unknown). */
    public Deployment withModelBytes(long bytes) {
        return new Deployment(nodeId, cloud, medianMs, sigma, networkRttMs, batchSize, maxPerSecond, stepSeconds,
                costPer1000, fixedCostPerStep, quantized, answers, answerDecimals, queryLimit, bytes);
    }

    /**
     * What a caller receives for the model's positive-class {@code scores}: as delivered ({@link #deliver}),
     * then rounded to {@code answerDecimals} decimals, or only the decision (1 at or above {@code threshold}).
     */
    public double[] answer(double[] scores, double threshold) {
        double[] out = deliver(scores).clone();
        double unit = Math.pow(10, answerDecimals);
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (answers) {
                case SCORE -> out[i];
                case ROUNDED -> Math.rint(out[i] * unit) / unit;
                case LABEL -> out[i] >= threshold ? 1 : 0;
            };
        }
        return out;
    }

    /**
     * What a caller receives for a model's answer {@code columns}: one column, the positive class's scores
     * ({@link #answer(double[], double)}), or one per class, each row's probabilities: delivered (rounded to
     * 1/255 when quantized), rounded to {@code answerDecimals} decimals, or only the decision (1 for the most
     * probable class, ties to the first; 0 for the others).
     */
    public double[][] answer(double[][] columns, double threshold) {
        if (columns.length == 1) {
            return new double[][] {answer(columns[0], threshold)};
        }
        int n = columns.length == 0 ? 0 : columns[0].length;
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = answers == Answers.LABEL ? new double[n] : answer(columns[c], Double.NaN);
        }
        if (answers == Answers.LABEL) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < columns.length; c++) {
                    best = columns[c][i] > columns[best][i] ? c : best;
                }
                out[best][i] = 1;
            }
        }
        return out;
    }

    /** How many of {@code asked} queries of one caller in one step are answered. */
    public int admitted(int asked) {
        return queryLimit > 0 ? Math.min(asked, queryLimit) : asked;
    }

    /** The scores as the deployed model returns them. */
    public double[] deliver(double[] scores) {
        if (!quantized) {
            return scores;
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.rint(scores[i] * 255) / 255;
        }
        return out;
    }

    /** The latency of each of {@code requests} requests of one step, in milliseconds, in arrival order. */
    public double[] latencies(int requests, SplittableRandom random) {
        return latencies(requests, random, 1);
    }

    /** As {@link #latencies(int, SplittableRandom)} for a model whose service time is {@code scale} times the stated one. */
    double[] latencies(int requests, SplittableRandom random, double scale) {
        double rate = requests / stepSeconds;
        double median = (quantized ? medianMs / 2 : medianMs) * scale;
        double[] out = new double[requests];
        for (int i = 0; i < requests; i++) {
            double service = median * Math.exp(sigma * Seeds.gaussian(random));
            double batchWait = (batchSize - 1 - i % batchSize) / rate * 1000;
            double queueWait = rate > maxPerSecond ? (i / maxPerSecond - i / rate) * 1000 : 0;
            out[i] = service + batchWait + queueWait + (cloud ? networkRttMs : 0);
        }
        return out;
    }

    /**
     * The step's latency percentiles, cost and model size for {@code served} answering {@code scores} (its
     * delivered scores of the step's rows). A {@link DistilledModel}'s service time is scaled by its measured
     * speed ratio, and its teacher is measured beside it on the same rows: {@code teacher_accuracy} on the labelled
     * rows ({@code labels} 0/1, -1 unlabelled), {@code student_fidelity} (the share of rows on which the student
     * decides as the teacher at {@code threshold}), the sizes and the timings.
     */
    void measure(TaskModel served, Frame batch, double[] scores, int[] labels, double threshold,
                 SplittableRandom random, StepOutput out) {
        int requests = batch.rowCount();
        if (requests == 0) {
            return;
        }
        DistilledModel distilled = served instanceof DistilledModel d ? d : null;
        double[] sorted = latencies(requests, random, distilled == null ? 1 : distilled.speedRatio());
        Arrays.sort(sorted);
        out.measure("latency_p50_ms", percentile(sorted, 0.50));
        out.measure("latency_p95_ms", percentile(sorted, 0.95));
        out.measure("latency_p99_ms", percentile(sorted, 0.99));
        out.measure("cost", requests / 1000.0 * costPer1000 + fixedCostPerStep);
        long bytes = distilled == null ? modelBytes : distilled.studentBytes();
        if (bytes >= 0) {
            out.measure("model_bytes", bytes);
        }
        if (distilled == null) {
            return;
        }
        double[] teacher = deliver(distilled.teacher().scorePositive(batch));
        int same = 0;
        int right = 0;
        int labelled = 0;
        for (int i = 0; i < requests; i++) {
            boolean teacherSays = teacher[i] >= threshold;
            same += teacherSays == (scores[i] >= threshold) ? 1 : 0;
            if (labels[i] >= 0) {
                labelled++;
                right += (teacherSays ? 1 : 0) == labels[i] ? 1 : 0;
            }
        }
        out.measure("student_fidelity", (double) same / requests);
        out.measure("teacher_accuracy", labelled == 0 ? Double.NaN : (double) right / labelled);
        if (distilled.teacherBytes() >= 0) {
            out.measure("teacher_bytes", distilled.teacherBytes());
        }
        out.measure("student_us_per_row", distilled.studentNanosPerRow() / 1000);
        out.measure("teacher_us_per_row", distilled.teacherNanosPerRow() / 1000);
        out.measure("distil_ms", distilled.distilNanos() / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
