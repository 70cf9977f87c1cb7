package com.virtpanel.backup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackupRepository extends JpaRepository<Backup, Long> {

    List<Backup> findByServerIdOrderByCreatedAtDescIdDesc(long serverId);

    List<Backup> findByStatus(BackupStatus status);

    List<Backup> findByBusyServerIdNotNull();

    List<Backup> findByParentId(long parentId);

    List<Backup> findByRestoringInto(long serverId);

    /**
     * Holds the backup for a restore or delete if nobody does: 1 when held, 0 when already held.
     * One conditional update, so two simultaneous callers cannot both win (the unique
     * busy_server_id only separates different rows of one server).
     */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true, flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query(
            "update Backup b set b.busyServerId = b.serverId where b.id = :id and b.busyServerId is null")
    int holdIfFree(@org.springframework.data.repository.query.Param("id") long id);

    /** Sets a running backup's progress; 0 when it no longer runs (its end clears the progress). */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true, flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query(
            "update Backup b set b.progress = :progress where b.id = :id and b.status = com.virtpanel.backup.BackupStatus.RUNNING")
    int setProgress(@org.springframework.data.repository.query.Param("id") long id,
            @org.springframework.data.repository.query.Param("progress") int progress);

    List<Backup> findByServerIdAndBusyServerIdNotNull(long serverId);

    List<Backup> findByKeptTrueOrderByCreatedAtDescIdDesc();

    List<Backup> findByAccountIdAndKeptTrueOrderByCreatedAtDescIdDesc(long accountId);

    Optional<Backup> findFirstByServerIdAndStatusOrderByCreatedAtDescIdDesc(long serverId, BackupStatus status);

    boolean existsByServerIdAndScheduledFor(long serverId, java.time.LocalDate window);

    /** The server's scheduled backups (not the customer's own), newest first. */
    List<Backup> findByServerIdAndScheduledForNotNullOrderByCreatedAtDescIdDesc(long serverId);

    List<Backup> findByStatusOrderByIdAsc(BackupStatus status);

    /** The newest backups of all servers, for staff. */
    List<Backup> findTop500ByOrderByCreatedAtDescIdDesc();
}
