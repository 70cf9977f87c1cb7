package com.virtpanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** The language of the account's pages and mail, "en" or "ru"; null until the customer chooses. */
    private String language;

    @Version
    private long version;

    protected Account() {
    }

    Account(String email, String passwordHash, Role role, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    AccountStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void suspend(Instant at) {
        this.status = AccountStatus.SUSPENDED;
        this.suspendedAt = at;
    }

    void unsuspend() {
        this.status = AccountStatus.ACTIVE;
        this.suspendedAt = null;
    }

    boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    void markEmailVerified(Instant at) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
        }
    }

    String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    AccountSummary summary() {
        return new AccountSummary(id, email, role, status, createdAt);
    }
}
