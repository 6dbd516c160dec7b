package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.sim.RunControl;

/**
 * A guided check of a model of kinds names, in a change's summary, the group it serves worse beyond chance after the
 * change ({@link GroupFairness}), from the very counts the run made. Generated: at the north site the kind follows
 * {@code price} (under 3, 3 to 6, over 6), in the south {@code size}; a random forest learns both; prices 50% higher
 * hurt the north only.
 */
class WhatIfFairnessRunTest {

    @TempDir
    Path dir;

    @Test
    void aChangeThatHurtsOneSiteNamesItBesideTheRunWithoutTheChange() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("site,price,size,kind\n");
        for (int i = 0; i < 2000; i++) {
            boolean north = random.nextDouble() < 0.6;
            double price = 9 * random.nextDouble();
            double size = 9 * random.nextDouble();
            double telling = north ? price : size;
            String kind = telling < 3 ? "small" : telling < 6 ? "medium" : "large";
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%s%n", north ? "north" : "south", price, size, kind));
        }
        Path data = dir.resolve("sites.csv");
        Files.writeString(data, csv);
        Frame frame = TableLoader.load(data).frame();
        Frame past = frame.select(IntStream.range(0, 1000).toArray());
        Path model = dir.resolve("sites.twinmodel");
        ModelBundle.write(TaskTrainer.train(past, new TrainingOptions(Algorithm.RANDOM_FOREST, "kind",
                List.of("site", "price", "size"), null, 3, 60, "", 0), org.twinbench.data.Task.MULTICLASS,
                TrainingProgress.NONE).model(), model);
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
        WhatIfQuestion question = new WhatIfQuestion(data, "kind", null, List.of("site", "price", "size"),
                List.of("site"), List.of(change), 5, model);

        WhatIfRun.Result result = WhatIfRun.run(question, s -> { }, new RunControl());
        Map<String, double[]> curves = new HashMap<>();
        Map<String, GroupCounts> before = WhatIfRun.measure(WhatIfStudy.baseline(question), dir, new RunControl(),
                curves, "today", "accuracy");
        Map<String, GroupCounts> after = WhatIfRun.measure(WhatIfStudy.withChange(question, frame, change), dir,
                new RunControl(), curves, "change", "accuracy");
        GroupFairness north = GroupFairness.of(after).get(0);
        assertThat(north.group()).isEqualTo("site=north");
        assertThat(north.beyondChance()).isTrue();
        // The north's share right and the south's are the run's own counts.
        assertThat(north.figure()).isCloseTo(after.get("site=north").accuracy(), org.assertj.core.api.Assertions
                .within(0.5 / north.rows()));
        String words = GroupFairness.words(after, before);
        assertThat(words).startsWith(" It serves “site north” worse than the rest of “site”: right ")
                .contains("beyond chance (two-sided two-proportion z-test, p ").contains(" Without the change ");
        assertThat(result.summary(change)).contains(words);
        // The results page leaves the group's sentences to its fairness table and points to it; the rest is the same.
        assertThat(result.pageSummary(change)).doesNotContain(" It serves “")
                .isEqualTo(result.summary(change).replace(words, " " + WhatIfRun.Result.GROUPS_IN_TABLE));
    }
}
