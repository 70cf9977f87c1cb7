package com.virtpanel.quota;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuotaStateRepository extends JpaRepository<QuotaState, Long> {

    List<QuotaState> findByCpuThrottledTrueOrTrafficThrottledTrue();

    long countByCpuThrottledTrue();

    long countByTrafficThrottledTrue();
}
