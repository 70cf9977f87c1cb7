package com.virtpanel.account;

import java.time.Instant;

/** What other modules and views may know about an account. */
public record AccountSummary(long id, String email, Role role, AccountStatus status, Instant createdAt) {
}
