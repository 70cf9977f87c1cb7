package com.virtpanel.backup;

import com.virtpanel.base.StoredMessages;
import com.virtpanel.base.UserMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One file of a server's backup chain (see V92__backups.sql). */
@Entity
@Table(name = "backup")
class Backup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "server_id")
    private long serverId;
    @Column(name = "account_id")
    private long accountId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private BackupKind kind;
    private String consistency;
    @Enumerated(EnumType.STRING)
    private BackupStatus status;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "virtual_bytes")
    private long virtualBytes;
    @Column(name = "file_name")
    private String fileName;
    private String sha256;
    @Column(name = "parent_id")
    private Long parentId;
    private String checkpoint;
    @Column(name = "disk_volume")
    private String diskVolume;
    private boolean checkpointed;
    private String detail;
    @Column(name = "busy_server_id")
    private Long busyServerId;
    private boolean kept;
    @Column(name = "restoring_into")
    private Long restoringInto;
    /** The schedule window it was made for; null for one the customer asked for (see V100__backup_schedules.sql). */
    @Column(name = "scheduled_for")
    private LocalDate scheduledFor;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    /** How far the copy is, 0-100, while it runs; null otherwise (see V102__backup_progress.sql). */
    private Integer progress;

    protected Backup() {
    }

    /** A backup about to be written: it holds the server's one job slot until it ends. */
    static Backup starting(long serverId, long accountId, String diskVolume, Instant now) {
        Backup b = new Backup();
        b.serverId = serverId;
        b.accountId = accountId;
        b.createdAt = now;
        b.kind = BackupKind.FULL;
        b.consistency = "crash";
        b.status = BackupStatus.RUNNING;
        b.diskVolume = diskVolume;
        b.busyServerId = serverId;
        b.progress = 0;
        // Unique per backup and known before the row has an id: names the file and the checkpoint.
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
                .withZone(java.time.ZoneOffset.UTC).format(now) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        b.fileName = stamp + ".qcow2";
        b.checkpoint = "vp-backup-" + stamp;
        return b;
    }

    /** A backup of the plan's daily schedule, for the window that opened on {@code window}. */
    static Backup scheduled(long serverId, long accountId, String diskVolume, Instant now, LocalDate window) {
        Backup b = starting(serverId, accountId, diskVolume, now);
        b.scheduledFor = window;
        return b;
    }

    void completed(BackupKind kind, Long parentId, boolean checkpointed, long sizeBytes, long virtualBytes, String sha256,
            boolean frozen) {
        this.kind = kind;
        this.consistency = frozen ? "filesystem" : "crash";
        this.parentId = parentId;
        this.checkpointed = checkpointed;
        this.sizeBytes = sizeBytes;
        this.virtualBytes = virtualBytes;
        this.sha256 = sha256;
        this.status = BackupStatus.OK;
        this.busyServerId = null;
        this.progress = null;
    }

    /** Why, kept as a message ({@link StoredMessages}): each reader gets it in their language. */
    void failed(UserMessage why) {
        this.status = BackupStatus.FAILED;
        this.detail = fitting(why);
        this.busyServerId = null;
        this.progress = null;
    }

    void damaged(UserMessage why) {
        this.status = BackupStatus.DAMAGED;
        this.detail = fitting(why);
    }

    /** Re-read at {@code at}, matching its manifest. */
    void verified(Instant at) {
        this.verifiedAt = at;
    }

    /** The column holds 1000 characters: a longer technical detail gives way to the message without it. */
    private static String fitting(UserMessage why) {
        String stored = StoredMessages.write(why);
        return stored.length() <= 1000 ? stored : StoredMessages.write(UserMessage.of(why.key(), "…"));
    }

    /** Its parent was merged into it: it now stands alone (full) or on the parent's parent. */
    void merged(Long newParentId, long sizeBytes, String sha256) {
        this.parentId = newParentId;
        this.kind = newParentId == null ? BackupKind.FULL : BackupKind.INCREMENTAL;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
    }

    void hold() {
        this.busyServerId = serverId;
    }

    void release() {
        this.busyServerId = null;
        this.restoringInto = null;
    }

    /** Held until the new server {@code serverId}, provisioned from this backup, is running or failed. */
    void restoringInto(long newServerId) {
        this.restoringInto = newServerId;
    }

    Long getBusyServerId() {
        return busyServerId;
    }

    Long getRestoringInto() {
        return restoringInto;
    }

    /** Survives its server's deletion, for the customer (see V97__kept_backups.sql). */
    void keep() {
        this.kept = true;
    }

    boolean isKept() {
        return kept;
    }

    BackupInfo info() {
        return new BackupInfo(id, serverId, createdAt, kind, sizeBytes, consistency, status, StoredMessages.read(detail),
                status == BackupStatus.RUNNING ? progress : null);
    }

    Long getId() {
        return id;
    }

    long getServerId() {
        return serverId;
    }

    long getAccountId() {
        return accountId;
    }

    BackupStatus getStatus() {
        return status;
    }

    String getFileName() {
        return fileName;
    }

    String getSha256() {
        return sha256;
    }

    Long getParentId() {
        return parentId;
    }

    String getCheckpoint() {
        return checkpoint;
    }

    String getDiskVolume() {
        return diskVolume;
    }

    long getVirtualBytes() {
        return virtualBytes;
    }

    boolean isCheckpointed() {
        return checkpointed;
    }

    BackupKind getKind() {
        return kind;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    LocalDate getScheduledFor() {
        return scheduledFor;
    }

    Integer getProgress() {
        return progress;
    }

    Instant getVerifiedAt() {
        return verifiedAt;
    }
}
