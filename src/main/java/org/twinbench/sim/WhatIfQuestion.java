package org.twinbench.sim;

import java.nio.file.Path;
import java.util.List;

/**
 * What a wizard user asked: their data, what to predict, which groups matter and which changes to
 * try. Everything else (batch sizes, steps, thresholds) takes safe defaults.
 *
 * @param data the user's table (CSV/TSV/Excel)
 * @param target the column to predict
 * @param positive the outcome that counts as "yes" (null: the CLI.md rule)
 * @param features the columns the model may use
 * @param groups categorical columns whose values are checked separately
 * @param changes the changes to try, each on its own
 * @param seed seed of every random draw
 */
public record WhatIfQuestion(Path data, String target, String positive, List<String> features, List<String> groups,
                             List<WhatIfChange> changes, long seed) {

    public WhatIfQuestion {
        features = List.copyOf(features);
        groups = List.copyOf(groups);
        changes = List.copyOf(changes);
    }
}
