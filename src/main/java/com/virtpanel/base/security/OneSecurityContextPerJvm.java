package com.virtpanel.base.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Vaadin's security configuration creates a new thread-local context holder for every Spring
 * context and installs it as the JVM-wide {@link SecurityContextHolder} strategy. When a second
 * context starts in the same JVM (a restart in place, test contexts side by side) the first
 * context's method security keeps reading its own holder while code that uses the static
 * {@code SecurityContextHolder} writes to the new one, and a signed-in caller looks anonymous.
 * All contexts therefore share one holder; it only reads the thread's Vaadin session, which is
 * the same for every context.
 */
@Configuration(proxyBeanMethods = false)
class OneSecurityContextPerJvm {

    private static final VaadinAwareSecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

    @Bean
    static BeanPostProcessor sharedSecurityContextHolder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof VaadinAwareSecurityContextHolderStrategy) {
                    SecurityContextHolder.setContextHolderStrategy(SHARED);
                    return SHARED;
                }
                return bean;
            }
        };
    }
}
