package org.twinbench.ui.data;

import java.nio.file.Path;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.model.Algorithm;

/**
 * What the training form asks.
 *
 * @param keepLeaky whether features that give the target away (the {@code leakage} check, as {@code train}
 *     finds them: {@link TrainingLeaks}) are kept; by default they are left out
 * @param rows      the rows trained on (null: all)
 */
public record TrainRequest(Algorithm algorithm, String target, long seed, double holdoutShare, boolean keepLeaky,
                           TrainingRows rows, Path output) {
    /** The same request, saving to {@code file}. */
    public TrainRequest withOutput(Path file) {
        return new TrainRequest(algorithm, target, seed, holdoutShare, keepLeaky, rows, file);
    }

    /** The file name the model is offered under: the dataset's name and the algorithm's id. */
    public String fileName(String datasetStem) {
        return datasetStem + "-" + algorithm.id() + ".twinmodel";
    }
}
