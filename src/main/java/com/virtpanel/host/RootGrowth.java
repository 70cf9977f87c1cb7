package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a Linux root filesystem into a disk that was made larger: the filesystem on the
 * whole disk (the demo image), on the last partition (cloud images: growpart's job), or
 * in an LVM volume on the last partition. Nothing here may fail on a mere probe, because
 * guestfish ends the session at the first error: layouts are read first, then changed.
 */
final class RootGrowth {

    /** GPT keeps a backup of its header and entries in the last 33 sectors of 512 bytes. */
    private static final long GPT_BACKUP_BYTES = 33 * 512;

    private RootGrowth() {
    }

    static void grow(Guestfish g, String root) {
        String device = root.startsWith("btrfsvol:") ? btrfsDevice(root) : root;
        String fsType = g.value("vfs-type " + Guestfish.quote(root));
        if (Boolean.parseBoolean(g.value("is-lv " + Guestfish.quote(device)))) {
            List<String> pvs = nonBlank(g.call("pvs"));
            if (pvs.size() != 1) {
                throw refuse(UserMessage.of("host.layout.lvm-spans", pvs.size()));
            }
            growPartition(g, pvs.get(0));
            g.call("pvresize " + Guestfish.quote(pvs.get(0)));
            g.call("lvresize-free " + Guestfish.quote(device) + " 100");
        } else {
            growPartition(g, device);
        }
        growFilesystem(g, root, device, fsType);
    }

    private static void growPartition(Guestfish g, String device) {
        if (!nonBlank(g.call("list-partitions")).contains(device)) {
            return; // the filesystem (or PV) is on the whole disk, which has grown already
        }
        String disk = g.value("part-to-dev " + Guestfish.quote(device));
        int number = Integer.parseInt(g.value("part-to-partnum " + Guestfish.quote(device)));
        String table = g.value("part-get-parttype " + Guestfish.quote(disk));
        List<long[]> parts = partitions(g.call("part-list " + Guestfish.quote(disk)));
        long[] mine = parts.stream().filter(p -> p[0] == number).findFirst()
                .orElseThrow(() -> refuse(UserMessage.of("host.layout.root-not-in-table")));
        if (parts.stream().anyMatch(p -> p[1] > mine[1])) {
            throw refuse(UserMessage.of("host.layout.root-not-last"));
        }
        if (table.equals("msdos") && number > 4) {
            throw refuse(UserMessage.of("host.layout.root-logical"));
        }
        if (!table.equals("msdos") && !table.equals("gpt")) {
            throw refuse(UserMessage.of("host.layout.table-type", table));
        }
        if (table.equals("gpt")) {
            g.call("part-expand-gpt " + Guestfish.quote(disk)); // move the backup header to the new end
        }
        long sectorSize = Long.parseLong(g.value("blockdev-getss " + Guestfish.quote(disk)));
        long bytes = Long.parseLong(g.value("blockdev-getsize64 " + Guestfish.quote(disk)));
        long reserved = table.equals("gpt") ? (GPT_BACKUP_BYTES + sectorSize - 1) / sectorSize : 0;
        long lastSector = bytes / sectorSize - 1 - reserved;
        long currentLast = mine[2] / sectorSize;
        if (currentLast < lastSector) {
            g.call("part-resize " + Guestfish.quote(disk) + " " + number + " " + lastSector);
        }
    }

    private static void growFilesystem(Guestfish g, String mountable, String device, String fsType) {
        switch (fsType) {
            case "ext2", "ext3", "ext4" -> {
                g.call("e2fsck " + Guestfish.quote(device) + " correct:true");
                g.call("resize2fs " + Guestfish.quote(device));
            }
            case "xfs" -> {
                g.call("mount " + Guestfish.quote(mountable) + " /");
                g.call("xfs-growfs /");
                g.call("umount /");
            }
            case "btrfs" -> {
                g.call("mount " + Guestfish.quote(mountable) + " /");
                g.call("btrfs-filesystem-resize /");
                g.call("umount /");
            }
            default -> throw refuse(UserMessage.of("host.layout.filesystem", fsType));
        }
    }

    /** part-list's output as [number, start byte, end byte] per partition. */
    static List<long[]> partitions(List<String> lines) {
        var parts = new ArrayList<long[]>();
        long[] current = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith("part_num:")) {
                current = new long[] {Long.parseLong(value(line)), 0, 0};
                parts.add(current);
            } else if (current != null && line.startsWith("part_start:")) {
                current[1] = Long.parseLong(value(line));
            } else if (current != null && line.startsWith("part_end:")) {
                current[2] = Long.parseLong(value(line));
            }
        }
        return parts;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static String btrfsDevice(String mountable) {
        String rest = mountable.substring("btrfsvol:".length());
        int slash = rest.indexOf('/', rest.startsWith("/dev/mapper/") ? "/dev/mapper/".length() : "/dev/".length());
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static HostException refuse(UserMessage why) {
        return new HostException(PanelException.Kind.FAILED,
                UserMessage.of("error.host.layout-cannot-grow", why), "layout: " + why, null);
    }
}
