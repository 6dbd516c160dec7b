package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The what-if verdict weighs the level too, and leaves groups too small to tell unjudged. */
class WhatIfVerdictLevelTest {

    private final WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);

    @Test
    void anUnchangedGroupRightSixTimesInTenIsNotCalledReliable() {
        WhatIfVerdict verdict = WhatIfVerdict.of(change, "region=west", 0.61, 2_000, 0.61, 2_000);
        assertThat(verdict.light()).isEqualTo(WhatIfVerdict.Light.GREEN);
        assertThat(verdict.sentence()).isEqualTo("If a season comes round (quite a bit), the model does not change "
                + "for region west, but is right only about 6 times out of 10.");
        // Right 9 times in 10 on 2,000 rows: the Wilson interval's lower end (0.887) is above 0.8.
        assertThat(WhatIfVerdict.of(change, "region=west", 0.90, 2_000, 0.90, 2_000).sentence())
                .contains("stays reliable for region west");
    }

    @Test
    void aThreeRowGroupThatCollapsesIsNamedButNotJudged() {
        WhatIfVerdict verdict = WhatIfVerdict.of(change, "department=legal", 1.0, 3, 0.0, 3);
        assertThat(verdict.light()).isEqualTo(WhatIfVerdict.Light.GREEN);
        assertThat(verdict.sentence()).startsWith("If a season comes round (quite a bit), there are too few rows of "
                + "department legal to tell (3)");
    }
}
