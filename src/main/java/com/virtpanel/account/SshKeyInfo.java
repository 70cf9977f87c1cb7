package com.virtpanel.account;

import java.time.Instant;

public record SshKeyInfo(long id, String name, String type, String fingerprint, String publicKey, Instant createdAt) {
}
