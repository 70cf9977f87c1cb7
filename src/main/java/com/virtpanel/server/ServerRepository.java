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

    /** Operations that hold a slot on the host. */
    @Query("select count(s) from Server s where s.operation is not null and s.operationAdmittedAt is not null")
    long countAdmittedOperations();

    /** Operations waiting for a slot. */
    @Query("select count(s) from Server s where s.operation is not null and s.operationAdmittedAt is null")
    long countQueuedOperations();

    /** The line of operations waiting for a slot, first come first served. */
    @Query("select s.id from Server s where s.operation is not null and s.operationAdmittedAt is null"
            + " order by s.operationStartedAt, s.id")
    List<Long> operationQueue(org.springframework.data.domain.Pageable page);

    @Query("select s.ipv4 from Server s where s.ipv4 is not null")
    List<String> allocatedAddresses();

    @Query("select s.ipv6Net from Server s where s.ipv6Net is not null")
    List<Integer> allocatedIpv6Nets();

    /** /64s of servers deleted after {@code since}: still resting, not handed out again yet. */
    @Query("select s.releasedIpv6Net from Server s where s.releasedIpv6Net is not null and s.deletedAt > :since")
    List<Integer> restingIpv6Nets(java.time.Instant since);

    /** IPv4 addresses of servers deleted after {@code since}: still resting, not handed out again yet. */
    @Query("select s.releasedIpv4 from Server s where s.releasedIpv4 is not null and s.deletedAt > :since")
    List<String> restingAddresses(java.time.Instant since);

    /** Every server that holds an address, or whose former address still rests after {@code since}. */
    @Query("select s from Server s where s.ipv4 is not null or s.ipv6Net is not null"
            + " or (s.deletedAt > :since and (s.releasedIpv4 is not null or s.releasedIpv6Net is not null))")
    List<Server> addressHolders(java.time.Instant since);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Server s set s.host = :host where s.host is null")
    int assignHostWhereMissing(String host);

    @Query("select s.host, count(s) from Server s where s.status <> :deleted group by s.host")
    List<Object[]> countLiveByHost(ServerStatus deleted);

    /** Live servers by host and plan: what placement sums, without loading every server. */
    @Query("select s.host, s.planId, count(s) from Server s where s.status <> :deleted group by s.host, s.planId")
    List<Object[]> countLiveByHostAndPlan(ServerStatus deleted);
}
