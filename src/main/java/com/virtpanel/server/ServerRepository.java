package com.virtpanel.server;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServerRepository extends JpaRepository<Server, Long> {

    List<Server> findByAccountIdAndStatusNotOrderByCreatedAt(long accountId, ServerStatus excluded);

    List<Server> findByStatusNotOrderByCreatedAt(ServerStatus excluded);

    List<Server> findByStatusIn(Collection<ServerStatus> statuses);

    List<Server> findByOperationIsNotNull();

    Optional<Server> findByAccountIdAndOrderKey(long accountId, String orderKey);

    Optional<Server> findByDomainName(String domainName);

    boolean existsByAccountIdAndNameAndStatusNot(long accountId, String name, ServerStatus excluded);

    long countByPlanIdAndStatusNot(long planId, ServerStatus excluded);

    @Query("select s.ipv4 from Server s where s.ipv4 is not null")
    List<String> allocatedAddresses();
}
