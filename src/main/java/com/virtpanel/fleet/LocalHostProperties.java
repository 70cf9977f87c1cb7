package com.virtpanel.fleet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.host.name: the name this panel registers its host under. Empty: the machine's hostname.
 * Two panels driving the same host must use the same name, different hosts different names.
 */
@ConfigurationProperties("panel.host")
record LocalHostProperties(@DefaultValue("") String name) {
}
