package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType.ParamSpec;

class ParamRangeTest {

    private static ParamSpec param(String type, String name) {
        return NodeCatalog.find(type).orElseThrow().param(name).orElseThrow();
    }

    @Test
    void onlyNumbersBoundedOnBothSidesGetASlider() {
        assertThat(ParamRange.of(param(NodeCatalog.DATASET_SOURCE, "reference_share")))
                .contains(new ParamRange(0, 1, 0.01, false));
        assertThat(ParamRange.of(param(NodeCatalog.SEA_SOURCE, "function"))).contains(new ParamRange(1, 4, 1, true));
        // batch_size's upper bound is a limit on memory (millions of rows), typed not slid; path is not a number.
        assertThat(ParamRange.of(param(NodeCatalog.DATASET_SOURCE, "batch_size"))).isEmpty();
        assertThat(ParamRange.of(param(NodeCatalog.DATASET_SOURCE, "path"))).isEmpty();
    }

    @Test
    void sliderPositionsSnapToTheStep() {
        ParamRange share = new ParamRange(0, 1, 0.01, false);
        assertThat(share.snap(0.3517241)).isEqualTo(0.35);
        assertThat(share.snap(0.1 + 0.2)).isEqualTo(0.3);
        assertThat(share.snap(1.7)).isEqualTo(1.0);
        ParamRange hundred = new ParamRange(2, 100, 0.1, false);
        assertThat(hundred.snap(37.46)).isEqualTo(37.5);
        ParamRange concept = new ParamRange(1, 4, 1, true);
        assertThat(concept.snap(2.6)).isEqualTo(3L);
        assertThat(concept.snap(-5)).isEqualTo(1L);
    }

    @Test
    void theThumbShowsTheValueOrElseTheDefault() {
        ParamRange share = new ParamRange(0, 1, 0.01, false);
        assertThat(share.position(0.7, 0.5)).isEqualTo(0.7);
        assertThat(share.position(null, 0.5)).isEqualTo(0.5);
        assertThat(share.position(1.5, 0.5)).isEqualTo(1.0);
        assertThat(share.position(null, null)).isEqualTo(0.0);
    }
}
