package com.virtpanel.base.security;

import com.virtpanel.testkit.PostgresIntegrationTest;

/** {@link SharedSignInThrottleChecks} on PostgreSQL. */
@PostgresIntegrationTest
class SharedSignInThrottlePostgresIT extends SharedSignInThrottleChecks {
}
