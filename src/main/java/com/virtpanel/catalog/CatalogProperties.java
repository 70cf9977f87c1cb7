package com.virtpanel.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the project-built demo image lives (built by ./panel from Debian's packages). */
@ConfigurationProperties("panel.catalog")
record CatalogProperties(@DefaultValue("${panel.storage.dir:/var/lib/virtpanel}/images/demo") String demoImageDir) {
}
