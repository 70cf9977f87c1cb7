package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away qcow2 layer on top of a server's disk. libguestfs writes only into it; the
 * disk changes in one step, when the layer is committed, and a failed change is dropped
 * with the layer. A crash before the commit leaves the disk as it was; a crash during the
 * commit is repaired by running the same change again (each change is idempotent).
 */
final class ScratchOverlay implements AutoCloseable {

    private final String qemuImg;
    private final Path disk;
    private final Path layer;

    private ScratchOverlay(String qemuImg, Path disk, Path layer) {
        this.qemuImg = qemuImg;
        this.disk = disk;
        this.layer = layer;
    }

    /** A fresh layer (a leftover of an interrupted run is discarded); {@code sizeBytes} null keeps the disk's size. */
    static ScratchOverlay over(String qemuImg, Path disk, Path scratchDir, Long sizeBytes) {
        try {
            Files.createDirectories(scratchDir);
            Path layer = scratchDir.resolve(disk.getFileName() + ".scratch.qcow2");
            Files.deleteIfExists(layer);
            var command = new ArrayList<>(List.of(qemuImg, "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b",
                    disk.toAbsolutePath().toString(), layer.toString()));
            if (sizeBytes != null) {
                command.add(Long.toString(sizeBytes));
            }
            run(command);
            return new ScratchOverlay(qemuImg, disk, layer);
        } catch (IOException e) {
            throw failed("cannot create a scratch layer in " + scratchDir + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return layer;
    }

    /** Writes the layer's changes into the disk (growing it to the layer's size). */
    void commit() {
        run(List.of(qemuImg, "commit", "-q", "-d", layer.toString()));
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(layer);
        } catch (IOException e) {
            // a leftover is replaced by the next run for the same disk
        }
    }

    private static void run(List<String> command) {
        try {
            HostCommand.check(Duration.ofMinutes(10), command);
        } catch (IOException e) {
            throw failed(e.getMessage(), e);
        }
    }

    private static HostException failed(String detail, Throwable cause) {
        return new HostException(PanelException.Kind.FAILED,
                UserMessage.of("error.host.could-not-prepare-disk-change"), detail, cause);
    }

    @Override
    public String toString() {
        return layer + " over " + disk;
    }
}
