package com.virtpanel.backup;

import java.util.List;

/**
 * What a server's backup directory should hold (manifest.json beside the files): enough to
 * check every file and rebuild every chain without the panel's database.
 */
record Manifest(List<Entry> files) {

    /**
     * @param parent the file this one's unchanged blocks are read from; null for a full backup
     * @param kind   "full" or "incremental"
     */
    record Entry(String file, long size, String sha256, String parent, String kind, String created) {
    }

    static Manifest empty() {
        return new Manifest(List.of());
    }

    Manifest with(Entry entry) {
        var list = new java.util.ArrayList<>(files.stream().filter(e -> !e.file().equals(entry.file())).toList());
        list.add(entry);
        return new Manifest(List.copyOf(list));
    }

    Manifest without(String file) {
        return new Manifest(files.stream().filter(e -> !e.file().equals(file)).toList());
    }

    java.util.Optional<Entry> entry(String file) {
        return files.stream().filter(e -> e.file().equals(file)).findFirst();
    }
}
