package org.twinbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;

/**
 * A loans scenario that runs in a moment: the sample's 2,000 generated rows (seed 5) as
 * {@code loans.csv} beside it, batches of 100 rows, a chosen number of steps.
 */
public final class SmallLoans {

    private SmallLoans() {
    }

    /** Writes {@code scenario} with {@code steps} steps as {@code dir/name} (and {@code dir/loans.csv} once). */
    public static Path scenario(Path dir, String name, Scenario scenario, int steps) throws IOException {
        if (!Files.exists(dir.resolve("loans.csv"))) {
            SampleData.writeLoans(dir.resolve("loans.csv"), 2000, 5);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, ScenarioFormat.toJson(scenario.withNode(scenario.node("loans").orElseThrow()
                .withParam("batch_size", 100L).withParam("steps", (long) steps))));
        return file;
    }
}
