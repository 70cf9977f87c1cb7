package com.virtpanel.quota;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnforcementRepository extends JpaRepository<EnforcementRecord, Long> {

    List<EnforcementRecord> findByOrderByAtDescIdDesc(Pageable page);

    List<EnforcementRecord> findByServerIdOrderByAtDescIdDesc(long serverId, Pageable page);
}
