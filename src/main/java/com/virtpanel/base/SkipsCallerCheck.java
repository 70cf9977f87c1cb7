package com.virtpanel.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that reads or changes data without asking who is calling: it serves the panel's
 * own jobs and the services that have already authorised their caller. Views and REST
 * controllers must not use it (they go through the module's services, which check the
 * caller); {@code LayeringRulesTest} enforces that, so the rule is not only a comment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SkipsCallerCheck {
}
