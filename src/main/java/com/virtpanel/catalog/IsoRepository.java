package com.virtpanel.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IsoRepository extends JpaRepository<Iso, Long> {

    List<Iso> findByOwnerAccountIdIsNullOrderByName();

    List<Iso> findByOwnerAccountIdOrderByName(long ownerAccountId);

    List<Iso> findByStatus(IsoStatus status);

    boolean existsByScopeName(String scopeName);

    long countByOwnerAccountId(long ownerAccountId);
}
