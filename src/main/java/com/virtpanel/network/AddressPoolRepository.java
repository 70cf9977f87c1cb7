package com.virtpanel.network;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AddressPoolRepository extends JpaRepository<AddressPool, Long> {

    List<AddressPool> findAllByOrderByIdAsc();

    List<AddressPool> findByNetworkNameAndFamilyOrderByIdAsc(String networkName, int family);
}
