package com.virtpanel.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * A console ticket as stored: only the hash of the secret, never the secret. Written here when
 * issued; read back only by {@link TicketUse}, in the statement that uses it up.
 */
@Entity
@Table(name = "console_ticket")
class StoredTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "real_account_id", nullable = false)
    private long realAccountId;

    @Column(name = "session_hash", length = 64)
    private String sessionHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "vnc_host", length = 64)
    private String vncHost;

    @Column(name = "vnc_port")
    private Integer vncPort;

    /** For one forwarding of a granted console to the guest's host (accepted only at the relay endpoint). */
    @Column(name = "relay", nullable = false)
    private boolean relay;

    protected StoredTicket() {
    }

    StoredTicket(String tokenHash, long serverId, long accountId, long realAccountId, String sessionHash,
            Instant createdAt, Instant expiresAt, InetSocketAddress vnc) {
        this.tokenHash = tokenHash;
        this.serverId = serverId;
        this.accountId = accountId;
        this.realAccountId = realAccountId;
        this.sessionHash = sessionHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        if (vnc != null) { // null: the guest is on another host, whose instances know where its VNC is
            this.vncHost = vnc.getHostString();
            this.vncPort = vnc.getPort();
        }
    }

    static StoredTicket relay(String tokenHash, ConsoleGrant grant, Instant createdAt, Instant expiresAt) {
        StoredTicket ticket = new StoredTicket(tokenHash, grant.serverId(), grant.accountId(), grant.realAccountId(), null,
                createdAt, expiresAt, null);
        ticket.relay = true;
        return ticket;
    }
}
