package org.twinbench.sim.whatif;

import java.nio.file.Path;
import java.util.List;

/**
 * What a wizard user asked: their data, what to predict, their model (or none: build one), which
 * groups matter and which changes to try. Everything else (batch sizes, steps, thresholds) takes
 * safe defaults.
 *
 * @param data the user's table (CSV/TSV/Excel)
 * @param target the column to predict
 * @param positive the outcome that counts as "yes" (null: the positive-label rule of docs/cli.md)
 * @param features the columns the model may use (for a given model: the columns it reads)
 * @param groups categorical columns whose values are checked separately
 * @param changes the changes to try, each on its own
 * @param seed seed of every random draw
 * @param model the model file the user was given ({@code .onnx} or {@code .twinmodel}), or null to
 *              build a logistic regression from the data
 */
public record WhatIfQuestion(Path data, String target, String positive, List<String> features, List<String> groups,
                             List<WhatIfChange> changes, long seed, Path model) {

    public WhatIfQuestion {
        features = List.copyOf(features);
        groups = List.copyOf(groups);
        changes = List.copyOf(changes);
    }

    /** A question whose model is built from the data. */
    public WhatIfQuestion(Path data, String target, String positive, List<String> features, List<String> groups,
                          List<WhatIfChange> changes, long seed) {
        this(data, target, positive, features, groups, changes, seed, null);
    }

    /** Whether the model is one TwinBench builds from the data (not a file the user was given). */
    public boolean builtFromData() {
        return model == null;
    }
}
