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

    List<Backup> findByServerIdAndBusyServerIdNotNull(long serverId);

    List<Backup> findByKeptTrueOrderByCreatedAtDescIdDesc();

    List<Backup> findByAccountIdAndKeptTrueOrderByCreatedAtDescIdDesc(long accountId);

    Optional<Backup> findFirstByServerIdAndStatusOrderByCreatedAtDescIdDesc(long serverId, BackupStatus status);
}
