package com.virtpanel.host;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the kernel's counter files (cgroup and /proc) without building strings: the sampling
 * pass reads two or three of them per guest, so each read must cost microseconds. Not thread
 * safe: one instance per sampling thread (it reuses its buffer).
 */
final class CounterFiles {

    /** USER_HZ, the unit of /proc/PID/stat times; fixed at 100 by the Linux ABI on x86 and arm. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private byte[] buffer = new byte[16 * 1024];
    private int length;

    /** Disk counters; -1 where the source has no such counter. */
    record Disk(long readBytes, long writeBytes, long readOps, long writeOps) {
    }

    /** Network counters of one host-side interface, as the interface itself counts them. */
    record Net(long rxBytes, long txBytes) {
    }

    /** cpuacct.usage: one number, nanoseconds. */
    long cpuacctUsageNs(Path file) throws IOException {
        load(file);
        return parseLong(0);
    }

    /** cgroup v2 cpu.stat: "usage_usec N" (also kept by the unified hierarchy of a hybrid v1 host). */
    long cpuStatUsageNs(Path file) throws IOException {
        load(file);
        int at = find("usage_usec ", 0);
        if (at < 0) {
            throw new IOException("no usage_usec in " + file);
        }
        return parseLong(at + "usage_usec ".length()) * 1000;
    }

    /** /proc/PID/stat: utime + stime (fields 14 and 15) of all the process's threads, in nanoseconds. */
    long procStatCpuNs(Path file) throws IOException {
        load(file);
        int at = lastIndexOf((byte) ')');
        // after ") " come field 3 (state) ... field 14 (utime), field 15 (stime)
        int field = 2;
        int i = at + 1;
        long utime = -1;
        while (i < length) {
            if (buffer[i] == ' ') {
                field++;
                if (field == 14) {
                    utime = parseLong(i + 1);
                } else if (field == 15) {
                    return (utime + parseLong(i + 1)) * NANOS_PER_TICK;
                }
            }
            i++;
        }
        throw new IOException("short " + file);
    }

    /** /proc/PID/io: bytes the process made the block layer read and write (no operation counts). */
    Disk procIo(Path file) throws IOException {
        load(file);
        return new Disk(value("read_bytes: "), value("write_bytes: "), -1, -1);
    }

    /** cgroup v1 blkio.throttle.io_service_bytes or io_serviced: "MAJ:MIN Read N" lines; returns {read, write}. */
    long[] blkioReadWrite(Path file) throws IOException {
        load(file);
        return new long[] {sumAfter(" Read "), sumAfter(" Write ")};
    }

    /** cgroup v2 io.stat: "MAJ:MIN rbytes=N wbytes=N rios=N wios=N ..." per device, summed. */
    Disk ioStat(Path file) throws IOException {
        load(file);
        return new Disk(sumAfter("rbytes="), sumAfter("wbytes="), sumAfter("rios="), sumAfter("wios="));
    }

    /** /proc/net/dev: every interface's received and transmitted bytes. */
    Map<String, Net> netDev(Path file) throws IOException {
        load(file);
        var result = new HashMap<String, Net>();
        int line = 0;
        int lineNo = 0;
        while (line < length) {
            int end = indexOf((byte) '\n', line);
            if (end < 0) {
                end = length;
            }
            if (lineNo++ >= 2) {
                int colon = indexOf((byte) ':', line);
                if (colon > 0 && colon < end) {
                    int start = line;
                    while (buffer[start] == ' ') {
                        start++;
                    }
                    String name = new String(buffer, start, colon - start, java.nio.charset.StandardCharsets.US_ASCII);
                    long rx = 0;
                    long tx = 0;
                    int i = colon + 1;
                    for (int column = 0; column < 9 && i < end; column++) {
                        while (i < end && buffer[i] == ' ') {
                            i++;
                        }
                        if (column == 0) {
                            rx = parseLong(i);
                        } else if (column == 8) {
                            tx = parseLong(i);
                        }
                        while (i < end && buffer[i] != ' ') {
                            i++;
                        }
                    }
                    result.put(name, new Net(rx, tx));
                }
            }
            line = end + 1;
        }
        return result;
    }

    private void load(Path file) throws IOException {
        try (var in = new FileInputStream(file.toString())) {
            length = 0;
            while (true) {
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return;
                }
                length += n;
            }
        }
    }

    private long value(String key) throws IOException {
        int at = find(key, 0);
        if (at < 0) {
            throw new IOException("no " + key.trim());
        }
        return parseLong(at + key.length());
    }

    private long sumAfter(String key) {
        long sum = 0;
        int at = find(key, 0);
        while (at >= 0) {
            sum += parseLong(at + key.length());
            at = find(key, at + key.length());
        }
        return sum;
    }

    private long parseLong(int at) {
        long v = 0;
        int i = at;
        while (i < length && buffer[i] >= '0' && buffer[i] <= '9') {
            v = v * 10 + (buffer[i] - '0');
            i++;
        }
        return v;
    }

    private int find(String key, int from) {
        int n = key.length();
        outer:
        for (int i = from; i <= length - n; i++) {
            for (int k = 0; k < n; k++) {
                if (buffer[i + k] != key.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < length; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(byte b) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
