package org.twinbench.bench;

import java.util.List;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;

/** The {@code bench} workloads of the data and model layers. */
public final class DataWorkloads {

    private DataWorkloads() {
    }

    public static List<Workload> all() {
        return List.of(new CsvLoadWorkload(), new DriftWideLoadWorkload(),
                new ScoringWorkload("logistic", 0),
                new ScoringWorkload("random-forest", 0),
                new ScoringWorkload("gradient-boosting", 0),
                new ScoringWorkload("onnx", 1),
                new ScoringWorkload("onnx", 256),
                new ScoringWorkload("onnx", 4096),
                new OnnxRuntimeWorkload(Algorithm.RANDOM_FOREST),
                new OnnxRuntimeWorkload(Algorithm.GRADIENT_BOOSTING),
                new OnnxRuntimeWorkload(Task.MULTICLASS, Algorithm.RANDOM_FOREST),
                new TaskScoringWorkload(Task.REGRESSION, Algorithm.RANDOM_FOREST),
                new TaskScoringWorkload(Task.REGRESSION, Algorithm.GRADIENT_BOOSTING),
                new TaskScoringWorkload(Task.MULTICLASS, Algorithm.RANDOM_FOREST),
                new TaskScoringWorkload(Task.MULTICLASS, Algorithm.GRADIENT_BOOSTING),
                new DistillationWorkload());
    }
}
