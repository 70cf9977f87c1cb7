package com.virtpanel.console;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketRepository extends JpaRepository<StoredTicket, Long> {

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
