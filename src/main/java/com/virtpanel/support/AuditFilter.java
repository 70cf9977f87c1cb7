package com.virtpanel.support;

import java.time.Instant;

/**
 * Filters of the admin audit view; null or blank means "any".
 *
 * @param who  part of an email: of the real user, the effective user, or the account acted on
 */
public record AuditFilter(String who, Long serverId, AuditAction action, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, 200);
    }
}
