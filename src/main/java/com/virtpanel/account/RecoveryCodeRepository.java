package com.virtpanel.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    /** Locked: two sign-ins racing with the same code must not both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RecoveryCode> findByAccountIdAndCodeHash(long accountId, String codeHash);

    long countByAccountIdAndUsedAtIsNull(long accountId);

    @Modifying
    @Query("delete from RecoveryCode r where r.accountId = :accountId")
    void deleteByAccount(long accountId);
}
