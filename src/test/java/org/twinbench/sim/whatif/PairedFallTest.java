package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.RunControl;

/**
 * The guided check judges a fall on the same rows: real answers of models on breast cancer, wine and diabetes before
 * and after a change against statsmodels and scipy ({@code sample-data/scripts/paired_fall_reference.py}), the pairing
 * of a run's draws by their place, and a real run's draws paired one for one with the unchanged run's.
 */
class PairedFallTest {

    private static final Path DIR = Path.of("src/test/resources/whatif/paired");
    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile()).get(name);
    }

    private static double[] column(String name, String column) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(name + ".csv"));
        int at = List.of(lines.get(0).split(",")).indexOf(column);
        return lines.subList(1, lines.size()).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[at])).toArray();
    }

    private static PairedFall of(String name, boolean amounts) throws IOException {
        return PairedFall.of(amounts, column(name, "before"), column(name, "after"), 1);
    }

    @Test
    void breastCancerFallsBeyondChanceOnTheSameTumours() throws IOException {
        JsonNode set = expected("breast-cancer");
        PairedFall fall = of("breast-cancer", false);
        assertThat(fall.fell()).isEqualTo(set.get("fell").asLong());
        assertThat(fall.rose()).isEqualTo(set.get("rose").asLong());
        assertThat(fall.pValue()).isCloseTo(set.get("mcnemar_p").asDouble(), within(1e-9));
        assertThat(fall.low()).isCloseTo(set.get("newcombe_low").asDouble(), within(1e-9));
        assertThat(fall.high()).isCloseTo(set.get("newcombe_high").asDouble(), within(1e-9));
        assertThat(fall.worse()).isTrue();
        // 269 and 257 right of 285; the fall's interval is 1.3 to 7.5 in 100, McNemar's p 0.0075.
        assertThat(fall.words()).isEqualTo("right answers fell from 94 to 90 out of 100 on the same rows (down 4, "
                + "between 1 and 8 in 100); a fall this big happens by chance less than 1 time in 100");
    }

    @Test
    void wineFallOfFiveIsNotCountedWhenMcNemarSaysChance() throws IOException {
        JsonNode set = expected("wine");
        PairedFall fall = of("wine", false);
        assertThat(fall.pValue()).isCloseTo(set.get("mcnemar_p").asDouble(), within(1e-9));
        // Newcombe's interval just excludes no change, McNemar's exact test (5 against 0: p = 1/16) does not.
        assertThat(fall.high()).isNegative();
        assertThat(fall.worse()).isFalse();
        assertThat(fall.words()).isEqualTo("right answers fell from 98 to 92 out of 100 on the same rows (down 6, "
                + "between 0 and 13 in 100); a fall this big happens by chance about 1 time in 16 — too often to count it");
    }

    @Test
    void diabetesErrorRiseIsJudgedByPairedTAndWilcoxon() throws IOException {
        JsonNode set = expected("diabetes");
        PairedFall fall = of("diabetes", true);
        assertThat(fall.before()).isCloseTo(set.get("mean_before").asDouble(), within(1e-9));
        assertThat(fall.after()).isCloseTo(set.get("mean_after").asDouble(), within(1e-9));
        assertThat(fall.low()).isCloseTo(set.get("t_low").asDouble(), within(1e-9));
        assertThat(fall.high()).isCloseTo(set.get("t_high").asDouble(), within(1e-9));
        assertThat(fall.pValue()).isCloseTo(set.get("ttest_p").asDouble(), within(1e-9));
        assertThat(fall.wilcoxon()).isCloseTo(set.get("wilcoxon_p").asDouble(), within(1e-9));
        assertThat(fall.worse()).isTrue();
        assertThat(fall.words()).isEqualTo("the model was off by 47 on average before and by 60 after on the same "
                + "rows (13 more, "
                + "between 7.4 and 19); a rise this big happens by chance less than 1 time in 1,000");
    }

    @Test
    void drawsPairByTheirPlaceInTheRunWhateverOrderAGroupCountedThem() {
        List<String> kinds = List.of("no", "yes");
        GroupCounts unchanged = GroupCounts.ofKinds(kinds);
        GroupCounts group = GroupCounts.ofKinds(kinds);
        // Unchanged: draws (12, 0..39) right except every 10th. The group after the change holds the odd places only,
        // counted backwards, wrong at every place divisible by 3.
        for (int i = 0; i < 40; i++) {
            unchanged.addAnswer(1, i % 10 == 0 ? 0 : 1, 0, GroupCounts.drawKey(12, i));
        }
        for (int i = 39; i >= 1; i -= 2) {
            group.addAnswer(1, i % 3 == 0 ? 0 : 1, 0, GroupCounts.drawKey(12, i));
        }
        PairedFall fall = PairedFall.of(unchanged, group);
        // Odd places 1..39: 20; right before at all of them (no odd multiple of 10); wrong after at 3, 9, 15, 21, 27,
        // 33, 39 → 7 fell, none rose.
        assertThat(fall.pairs()).isEqualTo(20);
        assertThat(fall.before()).isEqualTo(1.0);
        assertThat(fall.after()).isCloseTo(13.0 / 20, within(1e-15));
        assertThat(fall.fell()).isEqualTo(7);
        assertThat(fall.rose()).isZero();
        assertThat(fall.pValue()).isCloseTo(2.0 / 128, within(1e-15));
    }

    @Test
    void repeatedDrawsCountAsTheirDifferentRows() {
        double[] before = new double[400];
        double[] after = new double[400];
        for (int i = 0; i < 400; i++) {
            before[i] = 1;
            after[i] = i < 12 ? 0 : 1;
        }
        // 12 fell of 400 draws: p = 2/4096; the same draws standing for half as many rows: 6 fell, p = 2/64.
        assertThat(PairedFall.of(false, before, after, 1).pValue()).isCloseTo(2.0 / 4096, within(1e-15));
        PairedFall half = PairedFall.of(false, before, after, 0.5);
        assertThat(half.pValue()).isCloseTo(2.0 / 64, within(1e-15));
        assertThat(half.fell()).isEqualTo(12);
    }

    @Test
    void aRealRunsDrawsPairOneForOneWithTheUnchangedRun() {
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.ENTRY_MISTAKES, 1.0);
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("wine-replay.csv"), "cultivar", null,
                List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315", "proline"),
                List.of("alcohol_level"), List.of(change), 5, ENGINE.resolve("wine-logistic.twinmodel"));
        org.twinbench.data.Frame data = org.twinbench.data.TableLoader.load(question.data()).frame();
        Map<String, double[]> curves = new HashMap<>();
        Map<String, GroupCounts> before = WhatIfRun.measure(WhatIfStudy.baseline(question), ENGINE, new RunControl(),
                curves, "today", "accuracy");
        Map<String, GroupCounts> after = WhatIfRun.measure(WhatIfStudy.withChange(question, data, change), ENGINE,
                new RunControl(), curves, "change", "accuracy");
        PairedFall everyone = PairedFall.of(before.get("everyone"), after.get("everyone"));
        // The same 18 × 400 draws: each pairs, and the paired figures are each run's own.
        assertThat(everyone.pairs()).isEqualTo(after.get("everyone").draws()).isEqualTo(18 * 400);
        assertThat(everyone.before()).isEqualTo(before.get("everyone").accuracy());
        assertThat(everyone.after()).isEqualTo(after.get("everyone").accuracy());
        // A group's rows are the same rows before (its membership does not change under entry mistakes).
        String group = after.keySet().stream().filter(g -> g.startsWith("alcohol_level=")).findFirst().orElseThrow();
        PairedFall inGroup = PairedFall.of(before.get("everyone"), after.get(group));
        assertThat(inGroup.pairs()).isEqualTo(before.get(group).draws());
        assertThat(inGroup.before()).isEqualTo(before.get(group).accuracy());
    }
}
