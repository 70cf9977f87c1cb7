package com.virtpanel.catalog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Whether a file is an ISO 9660 image: its first volume descriptor (sector 16) carries the
 * standard identifier "CD001" at byte 0x8001. Anything else would not boot as a CD-ROM.
 */
final class Iso9660 {

    static final long MAGIC_OFFSET = 0x8001;
    private static final byte[] MAGIC = "CD001".getBytes(StandardCharsets.US_ASCII);

    private Iso9660() {
    }

    static boolean isIso(Path file) throws IOException {
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < MAGIC_OFFSET + MAGIC.length) {
                return false;
            }
            in.seek(MAGIC_OFFSET);
            byte[] found = new byte[MAGIC.length];
            in.readFully(found);
            return java.util.Arrays.equals(found, MAGIC);
        }
    }
}
