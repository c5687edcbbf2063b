package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapBenchTest {

    @Test
    void shouldTakeTheLargestOccupancyBeforeACollectionOrAtExit() {
        List<String> jdk17 = List.of(
                "[0.512s][info][gc] Using G1",
                "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 4.567ms",
                "[2.950s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 131M->40M(256M) 9.1ms",
                "[3.001s][info][gc] GC(2) Pause Remark 52M->52M(256M) 1.2ms",
                "[9.870s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 61440K [0x00000000e0000000)");
        assertThat(HeapBench.peakHeapMiB(jdk17)).isEqualTo(131);

        List<String> jdk25 = List.of(
                "[0.3s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 900K->512K(8192K) 1.0ms",
                "[5.1s][info][gc,heap,exit]  garbage-first heap   total reserved 524288K, committed 16384K, "
                        + "used 10241K [0x00000000e0000000, 0x0000000100000000)");
        assertThat(HeapBench.peakHeapMiB(jdk25)).as("the exit figure, rounded up").isEqualTo(11);

        assertThat(HeapBench.peakHeapMiB(List.of("GC(7) Pause Full (System.gc()) 2G->1G(3G) 800ms"))).isEqualTo(2048);
    }

    @Test
    void shouldTakeTheLargestOccupancyAfterACollectionAsWhatWasKeptLive() {
        List<String> log = List.of(
                "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 4.567ms",
                "[2.950s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 131M->40M(256M) 9.1ms",
                "[3.400s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 90M->12M(256M) 2.0ms");
        assertThat(HeapBench.liveHeapMiB(log)).isEqualTo(40);
    }

    @Test
    void shouldRefuseALogWithNoHeapFigures() {
        assertThatThrownBy(() -> HeapBench.peakHeapMiB(List.of("[0.5s][info][gc] Using G1")))
                .hasMessageContaining("no heap figures");
    }
}
