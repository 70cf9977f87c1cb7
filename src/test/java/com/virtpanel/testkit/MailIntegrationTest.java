package com.virtpanel.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/** {@link IntegrationTest} with the panel's mail going to {@link TestSmtp}: one shared context for all mail tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
public @interface MailIntegrationTest {
}
