package com.virtpanel.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * panel.iso.*: the ISO library and customers' own ISOs.
 *
 * @param dir                where ISO files go; empty means ${panel.storage.dir}/isos
 * @param maxSize            a copy or download larger than this is stopped (admins' and customers' alike)
 * @param connectTimeout     for ISO URLs
 * @param maxPerCustomer     how many ISOs one customer may keep
 * @param allowPrivateUrls   tests only: lets customer URLs reach private and loopback addresses
 *                           (a test's local HTTP server); never in production, where it opens the
 *                           panel's own network to its customers
 */
@ConfigurationProperties("panel.iso")
record IsoProperties(Path dir, @DefaultValue("4GB") DataSize maxSize, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("5") int maxPerCustomer, @DefaultValue("false") boolean allowPrivateUrls) {
}
