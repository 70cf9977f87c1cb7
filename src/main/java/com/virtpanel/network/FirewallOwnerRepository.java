package com.virtpanel.network;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FirewallOwnerRepository extends JpaRepository<FirewallOwner, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from FirewallOwner o where o.accountId = :accountId")
    Optional<FirewallOwner> lock(long accountId);
}
