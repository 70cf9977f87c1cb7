package com.virtpanel.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where passkeys live: Spring Security's JDBC repositories (tables from V71). The WebAuthn
 * configuration in base finds them as beans; registration goes through Spring's endpoints, so
 * the credential store is where a new passkey can be noticed and published.
 */
@Configuration
class PasskeyStore {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
            AccountRepository accounts, ApplicationEventPublisher events, ObjectProvider<SecondFactorService> secondFactors) {
        return new PublishingCredentials(new JdbcUserCredentialRepository(jdbc), users, accounts, events, secondFactors);
    }
}
