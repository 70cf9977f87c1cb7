package com.virtpanel.fleet;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FleetHostRepository extends JpaRepository<FleetHost, String> {

    List<FleetHost> findAllByOrderByNameAsc();

    /**
     * Every host, as a written query: the inherited findAll builds a criteria query that Hibernate
     * translates again on every call, and every page asks which hosts are down.
     */
    @Override
    @Query("select h from FleetHost h")
    List<FleetHost> findAll();

    /** Placement's candidates: only hosts staff left active; freshness and room are the policy's. */
    List<FleetHost> findByState(HostState state);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from FleetHost h where h.name = :name")
    Optional<FleetHost> lockByName(String name);
}
