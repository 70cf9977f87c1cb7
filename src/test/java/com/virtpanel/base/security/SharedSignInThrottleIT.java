package com.virtpanel.base.security;

import com.virtpanel.testkit.IntegrationTest;

/** {@link SharedSignInThrottleChecks} on H2. */
@IntegrationTest
class SharedSignInThrottleIT extends SharedSignInThrottleChecks {
}
