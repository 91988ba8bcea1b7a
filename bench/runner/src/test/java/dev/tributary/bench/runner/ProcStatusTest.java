package dev.tributary.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsThePeakResidentSet() {
        assertThat(ProcStatus.peakRssKb(List.of("Name:\tjava", "VmPeak:\t 3679656 kB", "VmHWM:\t  512364 kB",
                "VmRSS:\t  500000 kB"))).isEqualTo(512_364);
        assertThat(ProcStatus.peakRssKb(List.of("Name:\tjava"))).isEqualTo(-1);
    }

    @Test
    void thisJvmHasOne() {
        assertThat(ProcStatus.peakRssKb(ProcessHandle.current().pid())).isPositive();
    }
}
