package com.virtpanel.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmailTokenRepository extends JpaRepository<EmailToken, Long> {

    @Query("select t from EmailToken t where t.tokenHash = :hash and t.purpose = :purpose and t.usedAt is null and t.expiresAt > :now")
    Optional<EmailToken> findUsable(@Param("hash") String hash, @Param("purpose") EmailToken.Purpose purpose, @Param("now") Instant now);

    /** Marks the token used if it still is usable; 1 for the one caller that wins it, 0 for any other. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update EmailToken t set t.usedAt = :now where t.tokenHash = :hash and t.purpose = :purpose and t.usedAt is null"
            + " and t.expiresAt > :now")
    int consume(@Param("hash") String hash, @Param("purpose") EmailToken.Purpose purpose, @Param("now") Instant now);

    /** A new link makes the account's older ones of the same purpose useless. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update EmailToken t set t.usedAt = :now where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
    int retireAll(@Param("accountId") long accountId, @Param("purpose") EmailToken.Purpose purpose, @Param("now") Instant now);
}
