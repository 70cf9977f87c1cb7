package com.virtpanel.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test class that orders real guests from the demo image: the image must be there before the
 * first test, and every guest the class made is removed after the last one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DemoGuests.Lifecycle.class)
public @interface DemoGuests {

    /** The set-up and clean-up every such class wrote for itself before. */
    final class Lifecycle implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            DemoImage.require();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(Guests.class).removeAll();
        }
    }
}
