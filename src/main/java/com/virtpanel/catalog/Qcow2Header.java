package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the qcow2 header says about where the image's data lives. An image that names a backing
 * file or an external data file would make QEMU open that path on the host when a guest starts
 * (any file the hypervisor can read); only self-contained images are accepted. Read from the
 * header itself (see QEMU's docs/interop/qcow2.txt), so nothing on the host interprets the file.
 */
final class Qcow2Header {

    private static final byte[] MAGIC = {'Q', 'F', 'I', (byte) 0xfb};
    private static final int HEADER_V3 = 104;
    private static final long EXTERNAL_DATA_FILE = 1L << 2;

    private Qcow2Header() {
    }

    /** Why this file cannot be registered, or empty when it is a self-contained qcow2. */
    static Optional<UserMessage> refusal(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER_V3);
        }
        return refusal(header);
    }

    static Optional<UserMessage> refusal(byte[] header) {
        if (header.length < 72 || !Arrays.equals(Arrays.copyOf(header, 4), MAGIC)) {
            return Optional.of(UserMessage.of("error.catalog.not-qcow2"));
        }
        ByteBuffer b = ByteBuffer.wrap(header); // qcow2 is big-endian, as ByteBuffer is by default
        int version = b.getInt(4);
        long backingFileOffset = b.getLong(8);
        if (backingFileOffset != 0) {
            return Optional.of(UserMessage.of("error.catalog.qcow2-backing-file"));
        }
        if (version >= 3) {
            if (header.length < 80) {
                return Optional.of(UserMessage.of("error.catalog.qcow2-incomplete"));
            }
            long incompatible = b.getLong(72);
            if ((incompatible & EXTERNAL_DATA_FILE) != 0) {
                return Optional.of(UserMessage.of("error.catalog.qcow2-external-data"));
            }
        }
        return Optional.empty();
    }
}
