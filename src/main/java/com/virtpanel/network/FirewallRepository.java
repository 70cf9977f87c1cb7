package com.virtpanel.network;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FirewallRepository extends JpaRepository<Firewall, Long> {

    List<Firewall> findByAccountIdOrderByName(long accountId);

    long countByAccountId(long accountId);

    boolean existsByAccountIdAndName(long accountId, String name);
}
