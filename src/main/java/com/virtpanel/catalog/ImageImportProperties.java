package com.virtpanel.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * panel.catalog.images.*: where registered images are stored and how big a download may get.
 *
 * @param dir          where images go (one directory per image); empty means ${panel.storage.dir}/images
 * @param maxSize      a download or copy larger than this is stopped (protects the host's disk)
 * @param connectTimeout  for image URLs
 */
@ConfigurationProperties("panel.catalog.images")
record ImageImportProperties(Path dir, @DefaultValue("50GB") DataSize maxSize, @DefaultValue("10s") Duration connectTimeout) {
}
