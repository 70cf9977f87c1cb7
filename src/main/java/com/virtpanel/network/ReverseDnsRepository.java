package com.virtpanel.network;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReverseDnsRepository extends JpaRepository<ReverseDns, Long> {

    Optional<ReverseDns> findByAddress(String address);

    List<ReverseDns> findByServerId(long serverId);

    /** Served, unless the row changed after the revision that was delivered. */
    @Modifying(clearAutomatically = true)
    @Query("update ReverseDns r set r.state = com.virtpanel.network.ReverseDns.State.SERVED "
            + "where r.id = :id and r.revision = :revision and r.state = com.virtpanel.network.ReverseDns.State.PENDING")
    int markServed(long id, long revision);

    @Modifying(clearAutomatically = true)
    @Query("delete from ReverseDns r where r.id = :id and r.revision = :revision "
            + "and r.state = com.virtpanel.network.ReverseDns.State.REMOVING")
    int deleteRemoved(long id, long revision);
}
