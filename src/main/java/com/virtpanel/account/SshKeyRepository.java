package com.virtpanel.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SshKeyRepository extends JpaRepository<SshKey, Long> {

    List<SshKey> findByAccountIdOrderByCreatedAt(long accountId);

    boolean existsByAccountIdAndFingerprint(long accountId, String fingerprint);
}
