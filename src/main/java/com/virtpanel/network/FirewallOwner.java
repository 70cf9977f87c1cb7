package com.virtpanel.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's lock row: held while its firewalls change, so the limits hold under simultaneous requests. */
@Entity
@Table(name = "firewall_owner")
class FirewallOwner {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    protected FirewallOwner() {
    }

    FirewallOwner(long accountId) {
        this.accountId = accountId;
    }
}
