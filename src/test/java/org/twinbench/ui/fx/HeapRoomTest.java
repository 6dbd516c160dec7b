package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Once kept, the JVM's MaxHeapFreeRatio is 100: a collection cycle no longer gives heap back (default: 70). */
class HeapRoomTest {

    @Test
    void keepingTheHeapStopsTheJvmFromShrinkingIt() {
        HeapRoom.keep();
        assertThat(HeapRoom.maxHeapFreeRatio()).isEqualTo(100);
        HeapRoom.keep();
        assertThat(HeapRoom.maxHeapFreeRatio()).isEqualTo(100);
    }
}
