package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which groups a verdict judges, the Bonferroni threshold over them and the words for those it does not, on
 * hand-counted rows: a group needs 30 labelled rows at both ends (and what its test needs besides), and two ends
 * that do not overlap.
 */
class JudgedGroupsTest {

    /** Rows at the start and at the end of each group; an end "testable" when it holds an even number of rows. */
    private static JudgedGroups<Long> groups(int steps, int window, Map<String, long[]> rows) {
        return JudgedGroups.of(List.copyOf(rows.keySet()), steps, window, g -> rows.get(g)[0], g -> rows.get(g)[1],
                n -> n, n -> n % 2 == 0);
    }

    private static final Map<String, long[]> ROWS = new java.util.LinkedHashMap<>();

    static {
        ROWS.put(StepResult.OVERALL, new long[] {120, 90});
        ROWS.put("region=north", new long[] {30, 30});
        ROWS.put("region=south", new long[] {29, 50});
        ROWS.put("region=west", new long[] {40, 31});
        ROWS.put("region=east", new long[] {0, 0});
    }

    @Test
    void aGroupIsJudgedWithThirtyRowsAtBothEndsAndItsTestSatisfied() {
        JudgedGroups<Long> groups = groups(20, 2, ROWS);
        assertThat(groups.groups()).extracting(JudgedGroups.Ends::judged).containsExactly(true, true, false, false,
                false);
        assertThat(groups.judged()).isEqualTo(2);
        // Bonferroni over the two judged: 0.05 / 2.
        assertThat(groups.threshold(0.05)).isEqualTo(0.025);
        // Shown, not judged: south (29 at the start), west (its end untestable); east has no rows at all.
        assertThat(groups.small()).containsExactly("region=south (29 rows)", "region=west (31 rows)");
        assertThat(groups.overall().overall()).isTrue();
    }

    @Test
    void nothingIsJudgedWhenTheEndsOverlapAndTheReasonSaysWhy() {
        JudgedGroups<Long> three = groups(3, 2, ROWS);
        assertThat(three.judged()).isZero();
        assertThat(three.threshold(0.05)).isEqualTo(0.05);
        assertThat(three.notJudged("")).isEqualTo("the run has 3 steps, too few to compare its first and last 2 steps");
        assertThat(groups(1, 1, ROWS).notJudged("")).isEqualTo("the run has 1 step, no start and end to compare");
        Map<String, long[]> small = Map.of(StepResult.OVERALL, new long[] {20, 18});
        assertThat(groups(10, 1, small).notJudged("")).isEqualTo("its first and last step hold 20 and 18 labelled "
                + "rows, under the 30 each needs");
        Map<String, long[]> odd = Map.of(StepResult.OVERALL, new long[] {40, 41});
        assertThat(groups(40, 4, odd).notJudged("two figures at each end")).isEqualTo("its first and last 4 steps do "
                + "not have two figures at each end");
    }

    @Test
    void aHeadlineNamesThreeAndCountsTheRest() {
        assertThat(JudgedGroups.named(List.of("a (3 rows)"))).isEqualTo("a (3 rows)");
        assertThat(JudgedGroups.named(List.of("a", "b", "c"))).isEqualTo("a, b, c");
        assertThat(JudgedGroups.named(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c and 2 more");
    }
}
