package com.virtpanel.server;

import com.virtpanel.base.StoredMessages;
import com.virtpanel.base.UserMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
class Server {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false)
    private long accountId;
    @Column(nullable = false)
    private String name;
    @Column(name = "active_name")
    private String activeName;
    @Column(name = "plan_id", nullable = false)
    private long planId;
    @Column(name = "image_id", nullable = false)
    private long imageId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServerStatus status;
    @Column(name = "domain_name", nullable = false)
    private String domainName;
    /** The host the server lives on (fleet's host name); null only before the panel's start adopted old rows. */
    private String host;
    /** The host the server is moving to while its migration runs (see {@link Operation#MIGRATE}); else null. */
    @Column(name = "migration_target")
    private String migrationTarget;
    private String ipv4;
    /** The server's /64 in the network's IPv6 prefix (see {@link com.virtpanel.host.Ipv6Plan}), or null. */
    @Column(name = "ipv6_net")
    private Integer ipv6Net;
    /** A deleted server's former /64, resting until panel.network.release-cooldown after {@link #deletedAt}. */
    @Column(name = "released_ipv6_net")
    private Integer releasedIpv6Net;
    /** A deleted server's former IPv4 address, resting like {@link #releasedIpv6Net}. */
    private String releasedIpv4;
    @Column(nullable = false)
    private String mac;
    @Column(name = "disk_volume")
    private String diskVolume;
    @Column(name = "seed_volume")
    private String seedVolume;
    @Column(name = "ssh_keys")
    private String sshKeys;
    @Column(name = "root_password_hash")
    private String rootPasswordHash;
    /** The customer's cloud-init user data for the next install, or null. */
    @Column(name = "user_data")
    private String userData;
    @Enumerated(EnumType.STRING)
    private Operation operation;
    @Enumerated(EnumType.STRING)
    @Column(name = "operation_step")
    private Operation.Step operationStep;
    /** How far the running step is, where it reports that (a migration's copy); null otherwise. */
    @Column(name = "step_percent")
    private Integer stepPercent;
    @Column(name = "pending_image_id")
    private Long pendingImageId;
    @Column(name = "pending_disk_volume")
    private String pendingDiskVolume;
    @Column(name = "pending_seed_volume")
    private String pendingSeedVolume;
    /** While restoring: the backup file (top of its chain) the new disk is written from. */
    @Column(name = "restore_source")
    private String restoreSource;
    @Column(name = "pending_plan_id")
    private Long pendingPlanId;
    @Column(name = "pending_password_hash")
    private String pendingPasswordHash;
    @Column(name = "pending_ssh_key")
    private String pendingSshKey;
    /** The ISO attached as the server's CD-ROM (see ServerIsos), and whether it stays first to boot. */
    @Column(name = "iso_id")
    private Long isoId;
    @Column(name = "iso_keep_booting", nullable = false)
    private boolean isoKeepBooting;
    @Column(name = "pending_iso_id")
    private Long pendingIsoId;
    @Column(name = "pending_iso_keep", nullable = false)
    private boolean pendingIsoKeep;
    @Column(name = "resume_running", nullable = false)
    private boolean resumeRunning;
    @Column(name = "operation_attempts")
    private int operationAttempts;
    @Column(name = "operation_started_at")
    private Instant operationStartedAt;
    /** When the operation got one of the host's slots; null while it waits in line (see OperationGate). */
    @Column(name = "operation_admitted_at")
    private Instant operationAdmittedAt;
    @Column(name = "failure_reason")
    private String failureReason;
    /** The same reason as a message key and its arguments ({@link StoredMessages}), read in the reader's language. */
    private String failureMessage;
    @Column(name = "order_key")
    private String orderKey;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;
    /** While in rescue mode: when it ends by itself. */
    @Column(name = "rescue_until")
    private Instant rescueUntil;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected Server() {
    }

    Server(long accountId, String name, long planId, long imageId, String domainName, String ipv4, String mac,
            List<String> sshKeys, String rootPasswordHash, String orderKey, Instant now) {
        this.accountId = accountId;
        this.name = name;
        this.activeName = accountId + "/" + name;
        this.planId = planId;
        this.imageId = imageId;
        this.domainName = domainName;
        this.ipv4 = ipv4;
        this.mac = mac;
        this.diskVolume = domainName + "-disk-1.qcow2";
        this.seedVolume = domainName + "-seed-1.iso";
        this.sshKeys = String.join("\n", sshKeys);
        this.rootPasswordHash = rootPasswordHash;
        this.orderKey = orderKey;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = ServerStatus.PROVISIONING;
        this.statusChangedAt = now;
        begin(Operation.PROVISION, ServerStatus.PROVISIONING, now);
    }

    void begin(Operation op, ServerStatus busyStatus, Instant now) {
        this.operation = op;
        this.operationStep = op.first();
        this.operationAttempts = 0;
        this.operationStartedAt = now;
        this.operationAdmittedAt = null;
        this.failureReason = null;
        this.failureMessage = null;
        status(busyStatus, now);
    }

    /** The operation got a slot on the host and may run now. */
    void admit(Instant now) {
        this.operationAdmittedAt = now;
        this.updatedAt = now;
    }

    /** Waiting in line for a slot on the host. */
    boolean isQueued() {
        return operation != null && operationAdmittedAt == null;
    }

    /** Reinstall: the new disk and seed get the next generation's names; the old ones stay until the swap. */
    void beginReinstall(long newImageId, List<String> newKeys, String newPasswordHash, Instant now) {
        int generation = generation(diskVolume) + 1;
        this.pendingImageId = newImageId;
        this.pendingDiskVolume = domainName + "-disk-" + generation + ".qcow2";
        this.pendingSeedVolume = domainName + "-seed-" + generation + ".iso";
        if (newKeys != null) {
            this.sshKeys = String.join("\n", newKeys);
        }
        if (newPasswordHash != null) {
            this.rootPasswordHash = newPasswordHash;
        }
        begin(Operation.REINSTALL, ServerStatus.REINSTALLING, now);
    }

    /**
     * Restore: the new disk gets the next generation's name and is written from {@code source};
     * the seed stays (pending names it too, so the swap keeps it). The old disk stays until the swap.
     */
    void beginRestore(String source, Instant now) {
        this.pendingImageId = imageId;
        this.pendingDiskVolume = domainName + "-disk-" + (generation(diskVolume) + 1) + ".qcow2";
        this.pendingSeedVolume = seedVolume;
        this.restoreSource = source;
        begin(Operation.RESTORE, ServerStatus.RESTORING, now);
    }

    /** A new server whose first disk is written from a backup file instead of its image (see ServerOrders#orderFromBackup). */
    void provisionFrom(String source) {
        this.restoreSource = source;
    }

    String getRestoreSource() {
        return restoreSource;
    }

    void restoreDone() {
        this.restoreSource = null;
    }

    /** After the domain uses the new disk: the pending fields now name the old volumes, to be deleted. */
    void swapToPendingDisk(Instant now) {
        String oldDisk = diskVolume;
        String oldSeed = seedVolume;
        this.diskVolume = pendingDiskVolume;
        this.seedVolume = pendingSeedVolume;
        this.imageId = pendingImageId;
        this.pendingDiskVolume = oldDisk;
        this.pendingSeedVolume = oldSeed;
        this.updatedAt = now;
    }

    /**
     * An offline change of the disk: a running server is shut down for it ("rebooting" meanwhile)
     * and started again afterwards; a stopped one stays stopped.
     */
    void beginPasswordReset(String newHash, Instant now) {
        this.pendingPasswordHash = newHash;
        beginOffline(Operation.RESET_PASSWORD, now);
    }

    void beginAddSshKey(String keyLine, Instant now) {
        this.pendingSshKey = keyLine;
        beginOffline(Operation.ADD_SSH_KEY, now);
    }

    void beginPlanChange(long newPlanId, boolean live, Instant now) {
        this.pendingPlanId = newPlanId;
        if (live) {
            this.resumeRunning = false;
            begin(Operation.CHANGE_PLAN_LIVE, status, now);
        } else {
            beginOffline(Operation.CHANGE_PLAN, now);
        }
    }

    private void beginOffline(Operation op, Instant now) {
        this.resumeRunning = status == ServerStatus.RUNNING || status == ServerStatus.REBOOTING;
        begin(op, resumeRunning ? ServerStatus.REBOOTING : status, now);
    }

    /** The new plan is in effect (the disk has grown): the pending field now names the old plan. */
    void swapToPendingPlan(Instant now) {
        long old = planId;
        this.planId = pendingPlanId;
        this.pendingPlanId = old;
        this.updatedAt = now;
    }

    /** The hash is in the guest's /etc/shadow now; keep it so a reinstall sets the same password. */
    void applyPendingPassword(Instant now) {
        changeRootPassword(pendingPasswordHash, now);
    }

    void applyPendingSshKey(Instant now) {
        if (!getSshKeys().contains(pendingSshKey)) {
            addSshKey(pendingSshKey, now);
        }
    }

    /** Boot from an ISO: the guest is (re)started from it ("rebooting" meanwhile); it runs afterwards. */
    void beginIsoBoot(long newIsoId, boolean keepBooting, Instant now) {
        this.pendingIsoId = newIsoId;
        this.pendingIsoKeep = keepBooting;
        begin(Operation.BOOT_ISO, ServerStatus.REBOOTING, now);
    }

    void beginIsoEject(Instant now) {
        begin(Operation.EJECT_ISO, status, now);
    }

    /** The guest booted from the pending ISO, which is now the attached one. */
    void attachPendingIso(Instant now) {
        this.isoId = pendingIsoId;
        this.isoKeepBooting = pendingIsoKeep;
        this.updatedAt = now;
    }

    void detachIso(Instant now) {
        this.isoId = null;
        this.isoKeepBooting = false;
        this.updatedAt = now;
    }

    /**
     * Rescue: whatever its state, the server is shut down and started from the rescue system;
     * the one-time password's hash (or null) waits with the operation until the seed is written.
     */
    void beginRescue(String oneTimePasswordHash, Instant now) {
        this.pendingPasswordHash = oneTimePasswordHash;
        this.resumeRunning = status == ServerStatus.RUNNING || status == ServerStatus.REBOOTING;
        begin(Operation.RESCUE, ServerStatus.REBOOTING, now);
    }

    void enterRescue(Instant until, Instant now) {
        this.rescueUntil = until;
        this.updatedAt = now;
    }

    /** @param startAgain boot from the disk afterwards (not for a suspended customer's server) */
    void beginLeaveRescue(boolean startAgain, Instant now) {
        this.resumeRunning = startAgain;
        begin(Operation.LEAVE_RESCUE, ServerStatus.REBOOTING, now);
    }

    void leftRescue(Instant now) {
        this.rescueUntil = null;
        this.updatedAt = now;
    }

    /** The rescue boot's seed volume (network, keys, a password hash): there only in rescue mode. */
    String rescueSeedVolume() {
        return domainName + "-rescue.iso";
    }

    /**
     * A migration from {@code source} (its host) to {@code target}: a running guest keeps running
     * there until it runs here; a stopped one is stopped on the target afterwards.
     */
    void beginMigration(String source, String target, Instant now) {
        this.host = source; // rows from before the fleet may have none yet
        this.migrationTarget = target;
        this.resumeRunning = status == ServerStatus.RUNNING;
        begin(Operation.MIGRATE, ServerStatus.MIGRATING, now);
    }

    /** The guest runs on the target host now: the server lives there. */
    void arrived(Instant now) {
        this.host = migrationTarget;
        this.migrationTarget = null;
        this.updatedAt = now;
    }

    /** The host where the current step runs: the target for steps that prepare a migration's arrival, else the server's own. */
    String stepHost() {
        return operationStep != null && operationStep.onTarget() ? migrationTarget : host;
    }

    Integer getStepPercent() {
        return stepPercent;
    }

    String getMigrationTarget() {
        return migrationTarget;
    }

    void advance(Operation.Step next, Instant now) {
        this.operationStep = next;
        this.stepPercent = null;
        this.operationAttempts = 0;
        this.updatedAt = now;
    }

    int recordAttempt(Instant now) {
        this.updatedAt = now;
        return ++operationAttempts;
    }

    void finish(ServerStatus result, Instant now) {
        this.operation = null;
        this.operationStep = null;
        this.stepPercent = null;
        this.operationAttempts = 0;
        this.operationAdmittedAt = null;
        this.pendingImageId = null;
        this.pendingDiskVolume = null;
        this.pendingSeedVolume = null;
        this.pendingPlanId = null;
        this.pendingPasswordHash = null;
        this.pendingSshKey = null;
        this.pendingIsoId = null;
        this.pendingIsoKeep = false;
        this.resumeRunning = false;
        this.migrationTarget = null;
        status(result, now);
    }

    void fail(UserMessage reason, ServerStatus result, Instant now) {
        finish(result, now);
        String english = reason.english();
        this.failureReason = english.length() > 1000 ? english.substring(0, 1000) : english;
        String stored = StoredMessages.write(reason);
        this.failureMessage = stored.length() > 4000 ? null : stored;
    }

    void markDeleted(Instant now) {
        finish(ServerStatus.DELETED, now);
        this.deletedAt = now;
        this.activeName = null;
        this.isoId = null; // a deleted server holds no ISO in the library
        this.isoKeepBooting = false;
        this.releasedIpv4 = ipv4;
        this.ipv4 = null;
        this.releasedIpv6Net = ipv6Net;
        this.ipv6Net = null;
        this.orderKey = null;
    }

    void status(ServerStatus next, Instant now) {
        if (this.status != next) {
            this.status = next;
            this.statusChangedAt = now;
        }
        this.updatedAt = now;
    }

    void clearFailure() {
        this.failureReason = null;
        this.failureMessage = null;
    }

    void changePlan(long newPlanId, Instant now) {
        this.planId = newPlanId;
        this.updatedAt = now;
    }

    void changeRootPassword(String hash, Instant now) {
        this.rootPasswordHash = hash;
        this.updatedAt = now;
    }

    void addSshKey(String line, Instant now) {
        this.sshKeys = sshKeys == null || sshKeys.isBlank() ? line : sshKeys + "\n" + line;
        this.updatedAt = now;
    }

    private static int generation(String volume) {
        try {
            String digits = volume.substring(volume.lastIndexOf('-') + 1, volume.indexOf('.', volume.lastIndexOf('-')));
            return Integer.parseInt(digits);
        } catch (RuntimeException e) {
            return 1;
        }
    }

    Long getId() { return id; }
    long getAccountId() { return accountId; }
    String getName() { return name; }
    long getPlanId() { return planId; }
    long getImageId() { return imageId; }
    ServerStatus getStatus() { return status; }
    String getDomainName() { return domainName; }
    String getIpv4() { return ipv4; }

    Integer getIpv6Net() { return ipv6Net; }

    void assignIpv6Net(int net) {
        this.ipv6Net = net;
    }
    String getMac() { return mac; }
    String getDiskVolume() { return diskVolume; }
    String getSeedVolume() { return seedVolume; }
    String getRootPasswordHash() { return rootPasswordHash; }
    Operation getOperation() { return operation; }
    Operation.Step getOperationStep() { return operationStep; }
    Long getPendingImageId() { return pendingImageId; }
    String getPendingDiskVolume() { return pendingDiskVolume; }
    String getPendingSeedVolume() { return pendingSeedVolume; }
    Long getPendingPlanId() { return pendingPlanId; }
    String getPendingPasswordHash() { return pendingPasswordHash; }
    String getPendingSshKey() { return pendingSshKey; }
    boolean isResumeRunning() { return resumeRunning; }
    Long getIsoId() { return isoId; }
    boolean isIsoKeepBooting() { return isoKeepBooting; }
    Long getPendingIsoId() { return pendingIsoId; }
    boolean isPendingIsoKeep() { return pendingIsoKeep; }
    String getFailureReason() { return failureReason; }

    /** Why the last operation failed, in any language; rows from before V95 have the English text only. */
    UserMessage failure() {
        return failureReason == null ? null
                : failureMessage == null ? UserMessage.literal(failureReason) : StoredMessages.read(failureMessage);
    }
    String getOrderKey() { return orderKey; }
    Instant getCreatedAt() { return createdAt; }
    Instant getStatusChangedAt() { return statusChangedAt; }
    Instant getDeletedAt() { return deletedAt; }
    String getReleasedIpv4() { return releasedIpv4; }
    Integer getReleasedIpv6Net() { return releasedIpv6Net; }
    Instant getRescueUntil() { return rescueUntil; }

    String getUserData() {
        return userData;
    }

    void setUserData(String userData) {
        this.userData = userData;
    }

    List<String> getSshKeys() {
        return sshKeys == null || sshKeys.isBlank() ? List.of() : Arrays.asList(sshKeys.split("\n"));
    }

    public String getHost() {
        return host;
    }

    void placeOn(String host) {
        this.host = host;
    }
}
