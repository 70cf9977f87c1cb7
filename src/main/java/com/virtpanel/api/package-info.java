/**
 * REST API v1 under /api/v1: thin controllers over the same services the UI uses, bearer
 * tokens in a stateless filter chain of its own, strict JSON in and problem+json out.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "catalog", "server", "usage", "console", "quota", "network", "backup", "fleet"})
package com.virtpanel.api;
