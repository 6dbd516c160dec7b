package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.RunControl;

/**
 * The guided check's summary says what the run's own fairness check saw: a change that leaves one group with no
 * "yes" while the other keeps most is said to treat the groups much less evenly, with the parity ratio before and
 * after; a change that does not is not. (The data check's alarm is in {@code WhatIfStudyTest}: a price column that
 * stops arriving.)
 */
class RunAlarmsTest {

    @TempDir
    Path dir;

    /**
     * Loan applicants: group A earns uniformly 40 to 100, group B 80 to 200; approved when income is over 50. So A is
     * approved 50/60 = 0.83 of the time and B always: parity ratio 0.83. Incomes halved: A earns 20 to 50 and is never
     * approved, B (40 to 100) five times in six: parity ratio 0.
     */
    private Path loans() throws IOException {
        Random random = new Random(17);
        List<String> lines = new ArrayList<>(List.of("income,group,approved"));
        for (int i = 0; i < 4000; i++) {
            boolean b = random.nextBoolean();
            double income = b ? 80 + 120 * random.nextDouble() : 40 + 60 * random.nextDouble();
            lines.add(String.format(Locale.ROOT, "%.3f,%s,%s", income, b ? "B" : "A", income > 50 ? "yes" : "no"));
        }
        return Files.write(dir.resolve("loans.csv"), lines);
    }

    @Test
    void aChangeThatLeavesOneGroupWithoutYesIsSaidToTreatTheGroupsLessEvenly() throws IOException {
        WhatIfChange halved = new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
        WhatIfChange season = new WhatIfChange(WhatIfChange.Kind.ENTRY_MISTAKES, 0.0);
        WhatIfRun.Result result = WhatIfRun.run(new WhatIfQuestion(loans(), "approved", "yes", List.of("income"),
                List.of("group"), List.of(halved, season), 3), step -> { }, new RunControl());
        String summary = result.summary(halved);
        Matcher m = Pattern.compile(".* It also treats the groups of “group” much less evenly: the group answered “yes” "
                + "least gets that answer ([\\d.]+) times as often as the one answered most \\(below the four-fifths "
                + "rule\\), against ([\\d.]+) without the change\\..*").matcher(summary);
        assertThat(m.matches()).as(summary).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isLessThan(0.05);
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(50.0 / 60, within(0.05));
        // Small entry mistakes move no one across 50: the groups stay as even as they were.
        assertThat(result.summary(season)).doesNotContain("less evenly");
    }
}
