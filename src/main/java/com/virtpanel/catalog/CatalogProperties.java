package com.virtpanel.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the project-built images live (built by ./panel from Debian's packages): the demo image,
 * seeded into an empty catalog, and Debian 12 ({@code ./panel image debian-12}), registered at
 * start-up once it is built; an empty {@code debianImageDir} turns that off. The defaults follow
 * {@code panel.storage.dir} in application.yml: {@code @DefaultValue} takes its text literally
 * and would not resolve a placeholder.
 */
@ConfigurationProperties("panel.catalog")
record CatalogProperties(@DefaultValue("/var/lib/virtpanel/images/demo") String demoImageDir,
        @DefaultValue("/var/lib/virtpanel/images/debian-12") String debianImageDir) {
}
