package com.virtpanel.quota;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuotaStateRepository extends JpaRepository<QuotaState, Long> {

    List<QuotaState> findByCpuThrottledTrueOrTrafficThrottledTrue();

    /** Of these servers, the throttled ones: one query for a customer's banner on every page. */
    @Query("select q from QuotaState q where q.serverId in :serverIds and (q.cpuThrottled = true or q.trafficThrottled = true)")
    List<QuotaState> findThrottledAmong(Collection<Long> serverIds);

    long countByCpuThrottledTrue();

    long countByTrafficThrottledTrue();
}
