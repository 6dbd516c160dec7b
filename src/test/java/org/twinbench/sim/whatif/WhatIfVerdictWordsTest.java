package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The what-if verdict sentences name groups as people say them, by the same rule as the guided
 * check's pages (data.PlainWords): the telco churn set's "area_code=area_code_415" is "area code 415",
 * an empty home-ownership cell ("Home=null") is "Home not filled in".
 */
class WhatIfVerdictWordsTest {

    private final WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);

    @Test
    void rawCodesReadAsPeopleSayThem() {
        // 0.90 -> 0.60 on 2,000 rows each: 30 points lost, a red light.
        WhatIfVerdict area = WhatIfVerdict.of(change, "area_code=area_code_415", 0.90, 2_000, 0.60, 2_000);
        assertThat(area.light()).isEqualTo(WhatIfVerdict.Light.RED);
        assertThat(area.sentence()).startsWith("If a season comes round (quite a bit), the model fails for area code 415:"
                + " right only about 6 times out of 10 instead of 9 times out of 10");
        WhatIfVerdict home = WhatIfVerdict.of(change, "Home=null", 0.90, 2_000, 0.90, 2_000);
        assertThat(home.sentence()).contains("stays reliable for Home not filled in").doesNotContain("null");
        String summary = WhatIfVerdict.summary(change, List.of(area, home));
        assertThat(summary).contains("area code 415").doesNotContain("area_code").doesNotContain("=");
    }
}
