package com.virtpanel.network;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "firewall")
class Firewall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    /** Counts rule changes: an attachment is applied when the host holds this revision. */
    @Column(nullable = false)
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "firewall_rule", joinColumns = @JoinColumn(name = "firewall_id"))
    @OrderColumn(name = "position")
    private List<StoredRule> rules = new ArrayList<>();

    protected Firewall() {
    }

    Firewall(long accountId, String name, List<StoredRule> rules, Instant createdAt) {
        this.accountId = accountId;
        this.name = name;
        this.rules = new ArrayList<>(rules);
        this.revision = 1;
        this.createdAt = createdAt;
    }

    void change(String newName, List<StoredRule> newRules) {
        this.name = newName;
        this.rules.clear();
        this.rules.addAll(newRules);
        this.revision++;
    }

    Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    String getName() {
        return name;
    }

    long getRevision() {
        return revision;
    }

    List<StoredRule> getRules() {
        return rules;
    }
}
