package com.virtpanel.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A firewall on a server, and the firewall revision the host enforces for it (null: not yet). */
@Entity
@Table(name = "firewall_server")
@IdClass(Attachment.Key.class)
class Attachment {

    record Key(Long firewallId, Long serverId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "firewall_id")
    private Long firewallId;

    @Id
    @Column(name = "server_id")
    private Long serverId;

    @Column(name = "applied_revision")
    private Long appliedRevision;

    protected Attachment() {
    }

    Attachment(long firewallId, long serverId) {
        this.firewallId = firewallId;
        this.serverId = serverId;
    }

    long getFirewallId() {
        return firewallId;
    }

    long getServerId() {
        return serverId;
    }

    boolean appliedAt(long revision) {
        return appliedRevision != null && appliedRevision == revision;
    }

    void applied(long revision) {
        this.appliedRevision = revision;
    }
}
