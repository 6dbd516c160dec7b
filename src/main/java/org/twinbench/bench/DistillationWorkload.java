package org.twinbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.Distillation;

/**
 * Distillation as a deployment serves it ({@code deployment.endpoint} with a {@code student}): a teacher of
 * gradient boosting (300 trees) on the 20,000 loans is distilled on those rows into a tree student of depth 3
 * and a logistic one, then the tree student and the teacher score 1e6 rows, timed alternately in the same run
 * (the reference is the teacher). {@code extra}: the distillation times of both students (teacher's scores
 * included), each model's rows per second, the tree student's speed-up over the teacher, the sizes of their
 * {@code .twinmodel} files and the students' agreement with the teacher on the scored rows.
 */
final class DistillationWorkload implements Workload {

    static final int DEPTH = 3;

    @Override
    public String name() {
        return "model.distillation";
    }

    @Override
    public String description() {
        return "distilling gradient boosting (300 trees) into a depth-3 tree and a logistic student, scoring 1e6 "
                + "rows with the tree student; reference: the teacher scoring the same rows";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 10_000 : 1_000_000;
        try (BenchData.LoanRows loans = BenchData.LoanRows.of(rows)) {
            Frame train = loans.train();
            Frame data = loans.data();
            BinaryClassifier teacher = loans.trees(Algorithm.GRADIENT_BOOSTING);
            // Each distillation is timed once after one unmeasured run (fits allocate; a second run is warm).
            Distillation.student("tree", DEPTH, teacher.card(), train, teacher.scorePositive(train));
            long start = System.nanoTime();
            BinaryClassifier tree = Distillation.student("tree", DEPTH, teacher.card(), train,
                    teacher.scorePositive(train));
            double treeSeconds = (System.nanoTime() - start) / 1e9;
            Distillation.student("logistic", DEPTH, teacher.card(), train, teacher.scorePositive(train));
            start = System.nanoTime();
            BinaryClassifier logistic = Distillation.student("logistic", DEPTH, teacher.card(), train,
                    teacher.scorePositive(train));
            double logisticSeconds = (System.nanoTime() - start) / 1e9;

            Frame warmUp = loans.warmUp();
            Timing.consume(tree.scorePositive(warmUp)[0]);
            Timing.consume(teacher.scorePositive(warmUp)[0]);
            double[] best = Timing.bestAlternating(0, quick ? 1 : 2,
                    () -> Timing.consume(tree.scorePositive(data)[rows - 1]),
                    () -> Timing.consume(teacher.scorePositive(data)[rows - 1]));
            double logisticScoring = Timing.best(1, quick ? 1 : 2,
                    () -> Timing.consume(logistic.scorePositive(data)[rows - 1]));

            double[] truth = teacher.scorePositive(data);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("distil_rows", train.rowCount());
            extra.put("distil_seconds_tree", treeSeconds);
            extra.put("distil_seconds_logistic", logisticSeconds);
            extra.put("student_rows_per_second", rows / best[0]);
            extra.put("teacher_rows_per_second", rows / best[1]);
            extra.put("logistic_rows_per_second", rows / logisticScoring);
            extra.put("speedup", best[1] / best[0]);
            extra.put("student_bytes", Distillation.fileBytes(tree));
            extra.put("logistic_bytes", Distillation.fileBytes(logistic));
            extra.put("teacher_bytes", Distillation.fileBytes(teacher));
            extra.put("fidelity_tree", agreement(tree.scorePositive(data), truth));
            extra.put("fidelity_logistic", agreement(logistic.scorePositive(data), truth));
            return new BenchResult(name(), rows, best[0], "the teacher (gradient boosting, 300 trees)", best[1],
                    extra);
        }
    }

    private static double agreement(double[] a, double[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += (a[i] >= 0.5) == (b[i] >= 0.5) ? 1 : 0;
        }
        return (double) same / a.length;
    }
}
