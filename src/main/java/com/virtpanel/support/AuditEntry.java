package com.virtpanel.support;

import com.virtpanel.base.UserMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * An audit row as views read it.
 *
 * @param actorAccountId      the person at the keyboard (the staff member while impersonating); null for the system
 * @param effectiveAccountId  whom they acted as (the customer while impersonating)
 * @param subjectAccountId    whose things were affected
 */
public record AuditEntry(long id, Instant at, String action, Long actorAccountId, String actorEmail,
        Long effectiveAccountId, String effectiveEmail, String reason, boolean readOnly, Long subjectAccountId,
        Long serverId, String target, String detail, String clientIp) {

    public String label() {
        return AuditAction.labelOf(action);
    }

    /** The label in the reader's language (see {@link AuditAction#message()}). */
    public UserMessage message() {
        return AuditAction.messageOf(action);
    }

    /** True when a staff member did this as someone else. */
    public boolean impersonated() {
        return actorAccountId != null && effectiveAccountId != null && !Objects.equals(actorAccountId, effectiveAccountId);
    }

    public boolean is(AuditAction a) {
        return a.code().equals(action);
    }
}
