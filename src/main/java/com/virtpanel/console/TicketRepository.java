package com.virtpanel.console;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketRepository extends JpaRepository<StoredTicket, Long> {

    /**
     * Consumes a ticket in one statement: of two panel instances racing with the same ticket,
     * exactly one sees 1 here. Binding checks follow; a ticket presented wrongly is still used up.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update StoredTicket t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now")
    int consume(@Param("hash") String hash, @Param("now") Instant now);

    Optional<StoredTicket> findByTokenHash(String hash);

    /**
     * Uses up a server's outstanding tickets: it stopped, so the VNC address stored with them
     * may soon belong to another guest's display.
     */
    @Modifying
    @Query("update StoredTicket t set t.usedAt = :now where t.serverId = :serverId and t.usedAt is null")
    int revokeForServer(@Param("serverId") long serverId, @Param("now") Instant now);

    @Modifying
    @Query("delete from StoredTicket t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
