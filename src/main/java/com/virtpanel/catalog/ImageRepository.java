package com.virtpanel.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImageRepository extends JpaRepository<Image, Long> {

    Optional<Image> findByName(String name);

    List<Image> findAllByOrderByName();
}
