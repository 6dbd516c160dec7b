package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What retraining every month did, judged on the same rows as the change: real answers of scikit-learn models on breast
 * cancer and wine unchanged, after a change and retrained on the changed rows, against statsmodels' McNemar and
 * Newcombe's paired interval ({@code sample-data/scripts/paired_retraining_reference.py}), the draws paired by their
 * place as a run counts them.
 */
class PairedRetrainingTest {

    static final Path DIR = Path.of("src/test/resources/whatif/retraining");

    static JsonNode expected(String name) throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile()).get(name);
    }

    /** The set's column as a run counts it: each row a draw at its own place, 1 right / 0 wrong or its error. */
    static GroupCounts counts(String name, String column, boolean amounts) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve(name + ".csv"));
        int at = List.of(lines.get(0).split(",")).indexOf(column);
        GroupCounts counts = amounts ? GroupCounts.ofAmounts() : GroupCounts.ofKinds(List.of("0", "1"));
        for (int i = 1; i < lines.size(); i++) {
            double value = Double.parseDouble(lines.get(i).split(",")[at]);
            long key = GroupCounts.drawKey(i / 100, i % 100);
            if (amounts) {
                counts.addAmount(0, value, 0, key);
            } else {
                counts.addAnswer(1, (int) value, 1, key);
            }
        }
        return counts;
    }

    static void assertPaired(PairedFall fall, JsonNode e) {
        assertThat(fall.before()).isCloseTo(e.get("before").asDouble(), within(1e-9));
        assertThat(fall.after()).isCloseTo(e.get("after").asDouble(), within(1e-9));
        assertThat(fall.low()).isCloseTo(e.get("low").asDouble(), within(1e-9));
        assertThat(fall.high()).isCloseTo(e.get("high").asDouble(), within(1e-9));
        assertThat(fall.pValue()).isCloseTo(e.get("p").asDouble(), within(1e-9));
        if (fall.amounts()) {
            assertThat(fall.wilcoxon()).isCloseTo(e.get("wilcoxon_p").asDouble(), within(1e-9));
        } else {
            assertThat(fall.fell()).isEqualTo(e.get("fell").asLong());
            assertThat(fall.rose()).isEqualTo(e.get("rose").asLong());
        }
        assertThat(fall.worse()).isEqualTo(e.get("worse").asBoolean());
        assertThat(fall.better()).isEqualTo(e.get("better").asBoolean());
    }

    private static WhatIfVerdict.Retraining judge(String name) throws Exception {
        JsonNode e = expected(name);
        GroupCounts retrained = counts(name, "retrained", false);
        PairedFall fromUnchanged = PairedFall.of(counts(name, "unchanged", false), retrained);
        PairedFall fromChanged = PairedFall.of(counts(name, "changed", false), retrained);
        assertThat(fromUnchanged.pairs()).isEqualTo(e.get("n").asLong());
        assertPaired(fromUnchanged, e.get("from_unchanged"));
        assertPaired(fromChanged, e.get("from_changed"));
        WhatIfVerdict.Retraining outcome = WhatIfVerdict.retraining(new WhatIfChange(WhatIfChange.Kind.ENTRY_MISTAKES,
                1), "everyone", fromUnchanged, fromChanged, 1);
        assertThat(outcome.name()).isEqualTo(e.get("outcome").asText());
        return outcome;
    }

    @Test
    void breastCancerRetrainedOnTheChangedRowsIsFixedOnTheSameTumours() throws Exception {
        // 269 of 285 right unchanged, 238 after the change, 268 retrained: 2 fell and 1 rose against unchanged (p = 1).
        assertThat(judge("breast-cancer")).isEqualTo(WhatIfVerdict.Retraining.FIXES);
    }

    @Test
    void wineRetrainedWinsBackFiveWinesWhichAloneWouldBeChance() throws Exception {
        // Against the change: 5 rose and none fell, McNemar's p = 0.0625 — not "better" by itself; against the same
        // wines unchanged nothing moved, so retraining fixes it.
        assertThat(judge("wine")).isEqualTo(WhatIfVerdict.Retraining.FIXES);
        assertThat(expected("wine").get("from_changed").get("better").asBoolean()).isFalse();
    }

    @Test
    void aModelRetrainedOnRowsFromBeforeTheChangeDoesNotHelp() throws Exception {
        assertThat(judge("breast-cancer-stale")).isEqualTo(WhatIfVerdict.Retraining.DOES_NOT_HELP);
    }
}
