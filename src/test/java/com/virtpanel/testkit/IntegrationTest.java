package com.virtpanel.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole panel against the real local libvirt (qemu:///system) and an in-memory H2.
 * Contexts are cached between test classes with the same configuration, so keep extra
 * properties rare.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Metrics as in production (Boot's tests turn exporters off): /actuator/prometheus is part of the product.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
