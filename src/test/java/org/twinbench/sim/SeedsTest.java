package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void sameInputsGiveSameStream() {
        assertThat(Seeds.random(42, "node", 0, 3).nextLong()).isEqualTo(Seeds.random(42, "node", 0, 3).nextLong());
    }

    @Test
    void nodeStepAndReplicateEachChangeTheStream() {
        long base = Seeds.random(42, "node", 0, 3).nextLong();
        assertThat(Seeds.random(42, "other", 0, 3).nextLong()).isNotEqualTo(base);
        assertThat(Seeds.random(42, "node", 1, 3).nextLong()).isNotEqualTo(base);
        assertThat(Seeds.random(42, "node", 0, 4).nextLong()).isNotEqualTo(base);
        assertThat(Seeds.random(43, "node", 0, 3).nextLong()).isNotEqualTo(base);
    }
}
