package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary of a change sits beside the naive guess on the same rows, and a model no better than the guess is
 * called out as such, never "reliable"; a yes/no model says how many of the answer to catch it catches, and one that
 * misses most of them (the upper end of the interval under a half) is not reliable either. Wilson intervals of
 * 0/140, 90/140 and 20/100: (0, 0.027), (0.561, 0.717), (0.133, 0.289) by statsmodels. Hand-worked: statsmodels' {@code proportion_confint(860, 1000,
 * method="wilson")} = (0.837, 0.880) and (950, 1000) = (0.935, 0.962); the absolute errors |i mod 7 − 3| of 200 rows
 * have mean 1.71 and scipy's {@code t.interval(0.95, 199, 1.71, sem)} = (1.57, 1.85).
 */
class WhatIfGuessSummaryTest {

    private final WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);

    /** 1,000 rows, 860 of them "no"; the model right on {@code right} of them (answering "no" where it is right). */
    private static GroupCounts answers(int right) {
        GroupCounts counts = GroupCounts.ofKinds(List.of("no", "yes"));
        for (int i = 0; i < 1000; i++) {
            int truth = i < 860 ? 0 : 1;
            boolean correct = i < 860 ? i < Math.min(right, 860) : i - 860 < right - 860;
            counts.addAnswer(truth, correct ? truth : 1 - truth, 0);
        }
        return counts;
    }

    @Test
    void aModelThatIsRightNoMoreOftenThanAlwaysNoIsCalledOutNotReliable() {
        GroupCounts counts = answers(860);
        assertThat(counts.accuracy()).isEqualTo(0.86);
        assertThat(counts.guessAccuracy()).isEqualTo(0.86);
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.86, 1000, 0.86, 1000));
        // Without the guess, 86% (lower end 83.7%) would be "reliable".
        assertThat(WhatIfVerdict.summary(change, verdicts)).contains("stays reliable for everyone");
        assertThat(WhatIfVerdict.summary(change, verdicts, WhatIfVerdict.Retraining.NOT_TRIED, counts, "churned"))
                .isEqualTo("If a season comes round (quite a bit), the model does not change. But it misses most of "
                        + "them: it catches only 0 of every 100 “yes” (between 0% and 3%). But it is no better than a"
                        + " guess: always answering “no” would be right 86% of the time on the same rows, and the model "
                        + "is right 86% of the time (between 84% and 88%).");
    }

    @Test
    void aModelClearlyAboveTheGuessSaysWhatTheGuessWouldScore() {
        GroupCounts counts = answers(950);
        assertThat(counts.accuracyInterval()[0]).isGreaterThan(0.86);
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.95, 1000, 0.95, 1000));
        assertThat(WhatIfVerdict.summary(change, verdicts, WhatIfVerdict.Retraining.NOT_TRIED, counts, "churned"))
                .isEqualTo("If a season comes round (quite a bit), the model stays reliable for everyone you asked "
                        + "about. It catches 64 of every 100 “yes” (between 56% and 72%). For comparison, always "
                        + "answering “no” would be right 86% of the time on the same rows.");
    }

    @Test
    void aModelRightMostOfTheTimeThatCatchesOneInFiveIsNotReliable() {
        // 1,000 rows, 100 "yes": right on all 900 "no" and 20 "yes" — 92% right, above always "no" (90%), yet it
        // catches 20 of 100 (Wilson 13%–29%, statsmodels), so it is not called reliable.
        GroupCounts counts = GroupCounts.ofKinds(List.of("no", "yes"));
        for (int i = 0; i < 1000; i++) {
            int truth = i < 900 ? 0 : 1;
            counts.addAnswer(truth, truth == 0 || i < 920 ? truth : 0, 0);
        }
        assertThat(counts.accuracy()).isEqualTo(0.92);
        assertThat(counts.beatsGuess()).isTrue();
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.92, 1000, 0.92, 1000));
        assertThat(WhatIfVerdict.summary(change, verdicts, WhatIfVerdict.Retraining.NOT_TRIED, counts, "churned"))
                .isEqualTo("If a season comes round (quite a bit), the model does not change. But it misses most of "
                        + "them: it catches only 20 of every 100 “yes” (between 13% and 29%). For comparison, always "
                        + "answering “no” would be right 90% of the time on the same rows.");
        // The group's own sentence says so too, and the table reads it as unchanged but weak, not "fine".
        WhatIfVerdict told = WhatIfVerdict.withCounts(verdicts.get(0), counts, "churned");
        assertThat(told.sentence()).isEqualTo("If a season comes round (quite a bit), the model does not change for "
                + "everyone: right about 9 times out of 10 (between 90% and 94%). But it misses most “yes”: it catches "
                + "only 20 of every 100 (between 13% and 29%).");
    }

    @Test
    void anAmountModelNoBetterThanTheAverageIsCalledOut() {
        GroupCounts counts = GroupCounts.ofAmounts();
        for (int i = 0; i < 200; i++) {
            counts.addAmount(i % 7, 3, 3);
        }
        WhatIfVerdict verdict = new WhatIfVerdict(change, "everyone", WhatIfVerdict.Light.GREEN, 1.71, 1.71,
                "If a season comes round (quite a bit), the model stays as good for everyone: off by about 1.7 on "
                        + "average.", WhatIfVerdict.Retraining.NOT_TRIED);
        assertThat(WhatIfVerdict.summary(change, List.of(verdict), WhatIfVerdict.Retraining.NOT_TRIED, counts,
                "amount")).isEqualTo("If a season comes round (quite a bit), the model does not change. But it is no "
                + "better than a guess: guessing the average amount would be off by 1.7 on average on the same rows, "
                + "and the model is off by 1.7 (between 1.6 and 1.9).");
    }

    @Test
    void aCommonestMistakeAfterAVerdictDoesNotConfuseTheSummary() {
        GroupCounts counts = GroupCounts.ofKinds(List.of("a", "b", "c"));
        for (int i = 0; i < 600; i++) {
            int truth = i % 3;
            // Every "c" below 300 is taken for "b": 100 mistakes, all of one kind.
            counts.addAnswer(truth, truth == 2 && i < 300 ? 1 : truth, 0);
        }
        WhatIfVerdict plain = WhatIfVerdict.of(change, "everyone", 0.83, 600, counts.accuracy(), 600);
        WhatIfVerdict told = WhatIfVerdict.withCounts(plain, counts, "kind");
        assertThat(told.sentence()).endsWith(" It confuses “c” with “b” most (100 of 600 answers).")
                .containsPattern("about \\d+ times out of 100? \\(between \\d+% and \\d+%\\)");
        assertThat(WhatIfVerdict.summary(change, List.of(told))).isEqualTo(WhatIfVerdict.summary(change, List.of(plain)));
    }
}
