package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-sentence summary of a change calls the model "reliable for everyone" only when every group was judged
 * and is right at least 8 times in 10 by the lower end of its 95% Wilson interval; otherwise it says what the
 * model is. Hand-worked: Wilson's lower bound of 0.61 on 500 rows is 0.567, of 0.95 on 400 rows 0.925, of 0.60
 * on 100 rows 0.502 (statsmodels' proportion_confint(method='wilson')).
 */
class WhatIfSummaryTest {

    private final WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);

    @Test
    void aWeakModelThatDoesNotChangeIsNotReliableForEveryone() {
        // 62% right before, 61% after: no fall the data can tell, but right only 6 times in 10.
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.62, 500, 0.61, 500));
        assertThat(verdicts.get(0).light()).isEqualTo(WhatIfVerdict.Light.GREEN);
        String summary = WhatIfVerdict.summary(change, verdicts);
        assertThat(summary).doesNotContain("reliable for everyone")
                .endsWith(", the model does not change, but it is not reliable: right only about 6 times out of 10.");
    }

    @Test
    void aStrongModelForEveryJudgedGroupIsReliableForEveryone() {
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.95, 400, 0.95, 400),
                WhatIfVerdict.of(change, "region=west", 0.96, 200, 0.95, 200));
        assertThat(WhatIfVerdict.summary(change, verdicts)).endsWith(", the model stays reliable for everyone you asked"
                + " about.");
    }

    @Test
    void weakAndTinyGroupsAreNamedForWhatTheyAre() {
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.95, 400, 0.95, 400),
                WhatIfVerdict.of(change, "region=west", 0.60, 100, 0.60, 100),
                WhatIfVerdict.of(change, "department=legal", 0.9, 3, 1.0, 3));
        String summary = WhatIfVerdict.summary(change, verdicts);
        assertThat(summary).doesNotContain("reliable for everyone").contains(", the model does not change, but it is "
                + "right only about 6 times out of 10 for region west; ")
                .contains("there are too few rows to tell for ").contains("(3 rows)");
    }
}
