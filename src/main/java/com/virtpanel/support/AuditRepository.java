package com.virtpanel.support;

import java.util.List;
import org.springframework.data.repository.Repository;

/**
 * Append and read, nothing else: deliberately not a CrudRepository, so the application has no
 * delete method at hand, and {@link AuditRecord} is immutable, so {@code save} only inserts.
 */
interface AuditRepository extends Repository<AuditRecord, Long> {

    AuditRecord save(AuditRecord record);

    /** Everything someone else did as this account: the raw material of staff visits. */
    List<AuditRecord> findByEffectiveAccountIdAndActorAccountIdNotOrderByOccurredAtAscIdAsc(long effectiveAccountId,
            long actorAccountId);
}
