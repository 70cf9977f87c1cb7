package com.virtpanel.support;

import java.time.Instant;
import java.util.List;

/**
 * A staff member's visit to a customer's account, as the customer's activity page lists it.
 *
 * @param endedAt  null while the visit goes on (or if the session simply expired)
 * @param actions  what they did during the visit, oldest first
 */
public record StaffVisit(String staffEmail, Instant startedAt, Instant endedAt, String reason, boolean readOnly,
        List<AuditEntry> actions) {
}
