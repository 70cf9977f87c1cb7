package com.virtpanel.server;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServerRepository extends JpaRepository<Server, Long> {

    // Written out, not derived: Hibernate translates a derived query (a criteria tree) again on every
    // call, a written one once; a customer's list is read on every page they open.
    @Query("select s from Server s where s.accountId = :accountId and s.status <> :excluded order by s.createdAt")
    List<Server> findByAccountIdAndStatusNotOrderByCreatedAt(long accountId, ServerStatus excluded);

    /** A customer's servers' ids, oldest first, without loading the servers. */
    @Query("select s.id from Server s where s.accountId = :accountId and s.status <> :excluded order by s.createdAt")
    List<Long> findIdsByAccountIdAndStatusNot(long accountId, ServerStatus excluded);

    @Query("select s.id from Server s where s.status <> :excluded order by s.createdAt")
    List<Long> findIdsByStatusNot(ServerStatus excluded);

    List<Server> findByStatusNotOrderByCreatedAt(ServerStatus excluded);

    List<Server> findByStatusIn(Collection<ServerStatus> statuses);

    List<Server> findByOperationIsNotNull();

    Optional<Server> findByAccountIdAndOrderKey(long accountId, String orderKey);

    Optional<Server> findByDomainName(String domainName);

    boolean existsByAccountIdAndNameAndStatusNot(long accountId, String name, ServerStatus excluded);

    long countByPlanIdAndStatusNot(long planId, ServerStatus excluded);

    /** Operations that hold a slot, on every host. */
    @Query("select count(s) from Server s where s.operation is not null and s.operationAdmittedAt is not null")
    long countAdmittedOperations();

    /** Operations that hold a slot on this host. */
    @Query("select count(s) from Server s where s.host = :host and s.operation is not null and s.operationAdmittedAt is not null")
    long countAdmittedOperations(@Param("host") String host);

    /** Operations waiting for a slot. */
    @Query("select count(s) from Server s where s.operation is not null and s.operationAdmittedAt is null")
    long countQueuedOperations();

    /** A host's line of operations waiting for a slot, first come first served. */
    @Query("select s.id from Server s where s.host = :host and s.operation is not null and s.operationAdmittedAt is null"
            + " order by s.operationStartedAt, s.id")
    List<Long> operationQueue(@Param("host") String host, org.springframework.data.domain.Pageable page);

    /** Every host's line at once, as (host, server id) in the order they came. */
    @Query("select s.host, s.id from Server s where s.operation is not null and s.operationAdmittedAt is null"
            + " order by s.operationStartedAt, s.id")
    List<Object[]> operationQueues();

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

    @Query("select s.id from Server s where s.host = :host and s.status <> :deleted order by s.id")
    List<Long> findIdsByHostAndStatusNotOrderById(String host, ServerStatus deleted);

    /** Servers moving to another host, by that host and plan: they hold room on both hosts until they arrive. */
    @Query("select s.migrationTarget, s.planId, count(s) from Server s where s.migrationTarget is not null group by s.migrationTarget, s.planId")
    List<Object[]> countMovingByTargetAndPlan();

    /** Notes how far the server's running step is; 0 rows when that step is over (its end clears the figure). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Server s set s.stepPercent = :percent where s.id = :id and s.operationStep = :step")
    int setStepPercent(@Param("id") long id, @Param("step") Operation.Step step, @Param("percent") int percent);
}
