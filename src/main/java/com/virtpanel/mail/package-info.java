/**
 * Mail to customers: an outbox table written in the sender's transaction, a Quartz job that
 * delivers it over SMTP with retries and backoff, plain-text and HTML templates per language.
 * Other modules enqueue through {@link com.virtpanel.mail.MailOutbox}; this module knows no
 * accounts or servers, so anyone may use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "base")
package com.virtpanel.mail;
