package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.TableLoader;

/**
 * How little of each change hurts a yes/no model, on a known decision boundary and on a real model: the shop of
 * {@code WhatIfStudyTest} (prices uniform on 0 to 10, bought above 5, so the model's cut is at 5), and the Wisconsin
 * breast cancer logistic model exported to ONNX.
 */
class ChangeReachTest {

    @TempDir
    static Path dir;

    @Test
    void aKnownBoundaryIsReachedWhereArithmeticSaysItIs() throws Exception {
        WhatIfStudyTest.dir = dir;
        Path shop = WhatIfStudyTest.thresholdShop();
        WhatIfQuestion question = new WhatIfQuestion(shop, "bought", "yes", List.of("price"), List.of("shop"),
                List.of(), 3);
        List<ChangeReach> ranked = ChangeReach.rank(question, TableLoader.load(shop).frame());
        // Prices × (1 + s) call the quotes in (5/(1 + s), 5] "yes" wrongly: (5 − 5/(1 + s))/10 of the rows, 0.05 (the
        // failing drop) at s = 1/9. A shift by d standard deviations (10/√12) moves d·2.887/10 of the rows across:
        // 0.05 at d = 0.173, either way (mistakes) or down (gaming: buyers' prices shaded towards "no").
        ChangeReach prices = find(ranked, WhatIfChange.Kind.PRICES_SHIFT);
        assertThat(prices.strength()).isCloseTo(1.0 / 9, within(0.02));
        assertThat(find(ranked, WhatIfChange.Kind.SEASON).strength()).isCloseTo(1.0 / 9, within(0.02));
        assertThat(find(ranked, WhatIfChange.Kind.ENTRY_MISTAKES).strength()).isCloseTo(0.5 / (10 / Math.sqrt(12)),
                within(0.02));
        assertThat(find(ranked, WhatIfChange.Kind.GAMING).strength()).isCloseTo(0.5 / (10 / Math.sqrt(12)),
                within(0.02));
        // Against what the page plays at "a lot" (×1.5, one standard deviation): the shifts need 0.17 of it, the
        // scales 0.22; ranked so.
        assertThat(ranked).extracting(ChangeReach::share).isSorted();
        assertThat(ranked.get(ranked.size() - 1).kind()).isIn(WhatIfChange.Kind.PRICES_SHIFT, WhatIfChange.Kind.SEASON);
        assertThat(prices.words()).isEqualTo("Hurts the model once “price” is about "
                + Math.round(100 * prices.strength()) + "% higher: right " + Math.round(100 * prices.fall().after())
                + " instead of " + Math.round(100 * prices.fall().before()) + " times out of 100 on the same rows.");
        // Nearly every row was right before: the rows that fell are the fall, far beyond chance (McNemar).
        assertThat(prices.fall().fell()).isGreaterThan(20 * Math.max(1, prices.fall().rose()));
        assertThat(prices.fall().pValue()).isLessThan(1e-6);
    }

    @Test
    void aRealModelIsRankedOnTheRowsTheCheckReplays() throws Exception {
        Path onnx = Path.of("src/test/resources/onnx-exported");
        Files.copy(onnx.resolve("breast-cancer-logistic.onnx"), dir.resolve("cancer.onnx"));
        Files.copy(onnx.resolve("breast-cancer-logistic.onnx.json"), dir.resolve("cancer.onnx.json"));
        Path data = onnx.resolve("breast-cancer.csv");
        org.twinbench.data.Frame frame = TableLoader.load(data).frame();
        List<String> features = frame.columnNames().stream().filter(c -> !c.equals("diagnosis")).toList();
        WhatIfQuestion question = new WhatIfQuestion(data, "diagnosis", "malignant", features, List.of(), List.of(),
                3, dir.resolve("cancer.onnx"));
        List<ChangeReach> ranked = ChangeReach.rank(question, frame);
        assertThat(ranked).extracting(ChangeReach::kind).containsExactlyInAnyOrder(WhatIfChange.Kind.PRICES_SHIFT,
                WhatIfChange.Kind.SEASON, WhatIfChange.Kind.ENTRY_MISTAKES, WhatIfChange.Kind.GAMING);
        assertThat(ranked).extracting(r -> Double.isNaN(r.share()) ? Double.MAX_VALUE : r.share()).isSorted();
        // Each found strength does hurt: the smallest on the grid's bisection, so it lies within the searched range.
        for (ChangeReach r : ranked) {
            assertThat(r.words()).startsWith(Double.isNaN(r.strength()) ? "Does not hurt the model" : "Hurts the model");
            if (!Double.isNaN(r.share())) {
                assertThat(r.share()).isBetween(0.0, ChangeReach.MAX_TIMES);
            }
        }
    }

    private static ChangeReach find(List<ChangeReach> ranked, WhatIfChange.Kind kind) {
        return ranked.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }
}
