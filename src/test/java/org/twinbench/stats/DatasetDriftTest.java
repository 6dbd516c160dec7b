package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.stats.DatasetDrift.Correction;

class DatasetDriftTest {

    @Test
    void bonferroniMultipliesByTheNumberOfTests() {
        // R: p.adjust(c(.01, .04, .03, .2), "bonferroni") = 0.04 0.16 0.12 0.80
        assertThat(DatasetDrift.adjust(new double[] {.01, .04, .03, .2}, Correction.BONFERRONI))
                .containsExactly(new double[] {.04, .16, .12, .8}, within(1e-15));
    }

    @Test
    void benjaminiHochbergStepsUp() {
        // R: p.adjust(c(.01, .04, .03, .2), "BH") = 0.04000000 0.05333333 0.05333333 0.20000000
        assertThat(DatasetDrift.adjust(new double[] {.01, .04, .03, .2}, Correction.BENJAMINI_HOCHBERG))
                .containsExactly(new double[] {.04, .16 / 3, .16 / 3, .2}, within(1e-15));
    }

    @Test
    void defaultRuleFollowsReferenceSize() {
        assertThat(DriftRule.defaultFor("numeric", 1000).method()).isEqualTo(DriftMethod.KS);
        assertThat(DriftRule.defaultFor("categorical", 1000).method()).isEqualTo(DriftMethod.CHI2);
        assertThat(DriftRule.defaultFor("numeric", 1001)).isEqualTo(new DriftRule(DriftMethod.WASSERSTEIN, 0.1));
        assertThat(DriftRule.defaultFor("categorical", 1001).method()).isEqualTo(DriftMethod.JENSEN_SHANNON);
    }

    @Test
    void pValueRulesDriftBelowAndDistanceRulesAtOrAbove() {
        assertThat(DriftRule.of(DriftMethod.KS).drifted(0.049)).isTrue();
        assertThat(DriftRule.of(DriftMethod.KS).drifted(0.05)).isFalse();
        assertThat(DriftRule.of(DriftMethod.PSI).drifted(0.1)).isTrue();
        assertThat(DriftRule.of(DriftMethod.PSI).drifted(Double.NaN)).isFalse();
    }

    @Test
    void correctionCanTurnADriftIntoNone() {
        NumericReference ref = NumericReference.of(NumericDriftTest.REF);
        NumericDrift drifted = ref.compare(NumericDriftTest.CUR); // KS p = 0.014
        NumericDrift same = ref.compare(NumericDriftTest.REF);
        List<NumericDrift> columns = List.of(drifted, same, same, same);
        List<DriftRule> ks = List.of(DriftRule.of(DriftMethod.KS), DriftRule.of(DriftMethod.KS),
                DriftRule.of(DriftMethod.KS), DriftRule.of(DriftMethod.KS));
        DatasetDrift plain = DatasetDrift.decide(columns, ks, Correction.NONE, 0.25);
        assertThat(plain.decisions().get(0).drifted()).isTrue();
        assertThat(plain.driftedShare()).isEqualTo(0.25);
        assertThat(plain.drifted()).isTrue();
        DatasetDrift bonferroni = DatasetDrift.decide(columns, ks, Correction.BONFERRONI, 0.25);
        assertThat(bonferroni.decisions().get(0).value()).isCloseTo(4 * drifted.ksPValue(), within(1e-15));
        assertThat(bonferroni.decisions().get(0).drifted()).isFalse();
        assertThat(bonferroni.drifted()).isFalse();
    }

    @Test
    void columnsWithoutValuesAreNotJudged() {
        NumericReference ref = NumericReference.of(NumericDriftTest.REF);
        DatasetDrift result = DatasetDrift.decide(List.of(ref.compare(NumericDriftTest.CUR),
                ref.compare(new double[] {Double.NaN})), List.of(DriftRule.of(DriftMethod.KS),
                DriftRule.of(DriftMethod.KS)), Correction.NONE, 0.5);
        assertThat(result.judgedColumns()).isEqualTo(1);
        assertThat(result.driftedShare()).isEqualTo(1.0);
        assertThat(result.drifted()).isTrue();
    }
}
