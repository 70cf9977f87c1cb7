package com.virtpanel.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** panel.admin.email / panel.admin.password: the first admin, seeded into an empty database. */
@ConfigurationProperties("panel.admin")
record AdminProperties(String email, String password) {
}
