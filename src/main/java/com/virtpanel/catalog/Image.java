package com.virtpanel.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "os_family")
    private OsFamily osFamily;
    @Enumerated(EnumType.STRING)
    private Firmware firmware;
    private boolean virtio;
    @Column(name = "source_path")
    private String sourcePath;
    @Column(name = "kernel_path")
    private String kernelPath;
    @Column(name = "initrd_path")
    private String initrdPath;
    @Column(name = "kernel_cmdline")
    private String kernelCmdline;
    private String sha256;
    @Column(name = "os_name")
    private String osName;
    @Column(name = "os_version")
    private String osVersion;
    private String arch;
    @Column(name = "min_disk_gib")
    private int minDiskGib;
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Image() {
    }

    Image(ImageDraft d, Instant createdAt) {
        this.name = d.name();
        this.title = d.title();
        this.osFamily = d.osFamily();
        this.firmware = d.firmware();
        this.virtio = d.virtio();
        this.sourcePath = d.sourcePath();
        this.kernelPath = d.kernelPath();
        this.initrdPath = d.initrdPath();
        this.kernelCmdline = d.kernelCmdline();
        this.sha256 = d.sha256();
        this.minDiskGib = d.minDiskGib();
        this.enabled = true;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void inspected(String osName, String osVersion, String arch) {
        this.osName = osName;
        this.osVersion = osVersion;
        this.arch = arch;
    }

    ImageInfo info() {
        return new ImageInfo(id, name, title, osFamily, firmware, virtio, sourcePath, kernelPath, initrdPath,
                kernelCmdline, sha256, osName, osVersion, arch, minDiskGib, enabled);
    }
}
