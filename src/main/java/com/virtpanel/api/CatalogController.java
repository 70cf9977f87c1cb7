package com.virtpanel.api;

import com.virtpanel.catalog.CatalogService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What can be ordered. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans open for orders, with their limits")
    List<ApiJson.Plan> plans() {
        return catalog.plans().stream().map(ApiJson.Plan::of).toList();
    }

    @GetMapping("/images")
    @Operation(summary = "Images that can be installed")
    List<ApiJson.Image> images() {
        return catalog.images().stream().map(ApiJson.Image::of).toList();
    }
}
