package com.virtpanel.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByAccountIdAndKindOrderByCreatedAtDesc(long accountId, ApiToken.Kind kind);

    @Query("select t from ApiToken t where t.accountId = :accountId and t.kind = :kind and t.revokedAt is null"
            + " and (t.expiresAt is null or t.expiresAt > :now) order by t.createdAt desc")
    List<ApiToken> findLive(long accountId, ApiToken.Kind kind, Instant now);

    /**
     * Records a use, unless one was recorded since {@code since}. A targeted update rather than
     * a changed entity: a whole-row write racing a revocation could otherwise write the token's
     * old (unrevoked) state back.
     */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt <= :since)")
    int markUsed(long id, Instant now, Instant since);

    @Modifying
    @Query("update ApiToken t set t.revokedAt = :now where t.accountId = :accountId and t.kind in :kinds and t.revokedAt is null")
    int revokeAll(long accountId, Collection<ApiToken.Kind> kinds, Instant now);
}
