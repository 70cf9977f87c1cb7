package com.virtpanel.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    boolean existsByRole(Role role);

    List<Account> findTop100ByEmailContainingIgnoreCaseOrderByEmail(String fragment);

    List<Account> findByRoleInOrderByEmail(java.util.Collection<Role> roles);
}
