package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter files the sampling pass reads, in the kernel's formats. */
class CounterFilesTest {

    @TempDir
    Path dir;

    final CounterFiles files = new CounterFiles();

    @Test
    void cpuStatUsageIsMicrosecondsTurnedIntoNanoseconds() throws IOException {
        Path f = write("cpu.stat", "usage_usec 6259031\nuser_usec 5131926\nsystem_usec 1127105\nnice_usec 0\n");

        assertThat(files.cpuStatUsageNs(f)).isEqualTo(6_259_031_000L);
    }

    @Test
    void cpuacctUsageIsNanoseconds() throws IOException {
        assertThat(files.cpuacctUsageNs(write("cpuacct.usage", "2065176527548\n"))).isEqualTo(2_065_176_527_548L);
    }

    @Test
    void procStatCpuIsUserPlusSystemTicks() throws IOException {
        // a command name with spaces and parentheses must not shift the fields
        Path f = write("stat", "24227 (qemu (x) 86) S 1 24226 24226 0 -1 138412416 12034 0 1 0 364 75 0 0 20 0 6 0 275921 1919418368 38236\n");

        assertThat(files.procStatCpuNs(f)).isEqualTo((364 + 75) * 10_000_000L);
    }

    @Test
    void procIoGivesReadAndWriteBytesButNoOperations() throws IOException {
        Path f = write("io", "rchar: 1251418\nwchar: 1559767\nsyscr: 49962\nsyscw: 194967\nread_bytes: 454656\n"
                + "write_bytes: 28672\ncancelled_write_bytes: 0\n");

        assertThat(files.procIo(f)).isEqualTo(new CounterFiles.Disk(454_656, 28_672, -1, -1));
    }

    @Test
    void blkioCountersAreSummedOverDevices() throws IOException {
        Path f = write("blkio.throttle.io_serviced", "253:0 Read 10\n253:0 Write 4\n253:0 Sync 14\n253:0 Async 0\n253:0 Total 14\n"
                + "8:0 Read 5\n8:0 Write 1\n8:0 Total 6\nTotal 20\n");

        assertThat(files.blkioReadWrite(f)).containsExactly(15, 5);
    }

    @Test
    void ioStatIsSummedOverDevices() throws IOException {
        Path f = write("io.stat", "253:0 rbytes=1000 wbytes=200 rios=10 wios=2 dbytes=0 dios=0\n"
                + "8:0 rbytes=24 wbytes=0 rios=1 wios=0 dbytes=0 dios=0\n");

        assertThat(files.ioStat(f)).isEqualTo(new CounterFiles.Disk(1024, 200, 11, 2));
    }

    @Test
    void netDevGivesEveryInterfacesBytes() throws IOException {
        Path f = write("dev", """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 6234817    3441    0    0    0     0          0         0  6234817    3441    0    0    0     0       0          0
                 vnet12:    1500      10    0    0    0     0          0         0     9000      20    0    0    0     0       0          0
                vnet3:123456789012 1 0 0 0 0 0 0 42 1 0 0 0 0 0 0
                """);

        var net = files.netDev(f);

        assertThat(net).containsEntry("vnet12", new CounterFiles.Net(1500, 9000))
                .containsEntry("vnet3", new CounterFiles.Net(123_456_789_012L, 42))
                .containsKey("lo");
    }

    @Test
    void aFileLargerThanTheBufferIsReadWhole() throws IOException {
        var text = new StringBuilder("Inter-| header\n face | header\n");
        for (int i = 0; i < 2000; i++) {
            text.append("vnet").append(i).append(": ").append(i).append(" 0 0 0 0 0 0 0 ").append(2 * i).append(" 0 0 0 0 0 0 0\n");
        }

        var net = files.netDev(write("big", text.toString()));

        assertThat(net).hasSize(2000).containsEntry("vnet1999", new CounterFiles.Net(1999, 3998));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
