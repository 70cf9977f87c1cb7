package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.virtpanel.base.PanelException.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What qemu-img says a disk image file is: its format, the size the guest sees, its backing file. */
record DiskImage(String format, long virtualSize, String backingFile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the image's header; -U because a guest may hold the image open (reading is safe). */
    static DiskImage read(Path file) {
        try {
            String out = HostCommand.check(Duration.ofSeconds(30), List.of("qemu-img", "info", "-U", "--output=json", file.toString()));
            return parse(out);
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-read-disk"), e.getMessage(), e);
        }
    }

    static DiskImage parse(String json) throws IOException {
        JsonNode info = JSON.readTree(json);
        JsonNode backing = info.has("full-backing-filename") ? info.get("full-backing-filename") : info.get("backing-filename");
        return new DiskImage(info.path("format").asText(), info.path("virtual-size").asLong(),
                backing == null ? null : backing.asText());
    }

    /**
     * Whether QEMU can keep a persistent dirty bitmap (a backup checkpoint) in the image: qcow2
     * version 3 ("compat 1.1") only. Disks made before the panel asked for version 3 are 0.10.
     */
    static boolean canStoreBitmaps(Path file) {
        try {
            String out = HostCommand.check(Duration.ofSeconds(30), List.of("qemu-img", "info", "-U", "--output=json", file.toString()));
            JsonNode info = JSON.readTree(out);
            return "qcow2".equals(info.path("format").asText())
                    && "1.1".equals(info.path("format-specific").path("data").path("compat").asText());
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-read-disk"), e.getMessage(), e);
        }
    }

    /** True for a qcow2 overlay on {@code template} of exactly {@code sizeBytes}. */
    boolean isOverlayOf(Path template, long sizeBytes) {
        return "qcow2".equals(format) && virtualSize == sizeBytes && backingFile != null
                && Path.of(backingFile).toAbsolutePath().normalize().equals(template.toAbsolutePath().normalize());
    }
}
