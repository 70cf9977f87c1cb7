package com.virtpanel.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the project-built demo image lives (built by ./panel from Debian's packages). The
 * default follows {@code panel.storage.dir} in application.yml: {@code @DefaultValue} takes its
 * text literally and would not resolve a placeholder.
 */
@ConfigurationProperties("panel.catalog")
record CatalogProperties(@DefaultValue("/var/lib/virtpanel/images/demo") String demoImageDir) {
}
