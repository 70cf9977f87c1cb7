package com.virtpanel.testkit;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.host.Domains;
import com.virtpanel.host.Volumes;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Waits for servers and guests, and removes every guest a test class created. */
@Component
public class Guests {

    public static final Duration BOOT = Duration.ofSeconds(240);

    private final ServerService servers;
    private final ServerDirectory directory;
    private final Domains domains;
    private final Volumes volumes;
    private final JdbcTemplate jdbc;

    Guests(ServerService servers, ServerDirectory directory, Domains domains, Volumes volumes, JdbcTemplate jdbc) {
        this.servers = servers;
        this.directory = directory;
        this.domains = domains;
        this.volumes = volumes;
        this.jdbc = jdbc;
    }

    public ServerInfo awaitStatus(AccountSummary owner, long serverId, ServerStatus status) {
        return Users.as(owner, () -> Await.until("server " + serverId + " to be " + status.apiName(), BOOT,
                () -> servers.get(serverId), s -> s.status() == status));
    }

    /** Waits until the guest's serial console log contains {@code text}; returns the log. */
    public String awaitSerial(String domain, String text) {
        return awaitSerial(domain, text, BOOT);
    }

    public String awaitSerial(String domain, String text, Duration timeout) {
        Path log = domains.serialLog(domain);
        return Await.until("\"" + text + "\" on the serial console of " + domain, timeout, () -> read(log), s -> s.contains(text));
    }

    public String serial(String domain) {
        return read(domains.serialLog(domain));
    }

    /**
     * Destroys and undefines every guest of this test database, deletes its volumes and marks its
     * server deleted. The last matters because a context stays cached, its jobs still running, while
     * later classes use the same network: its reconcilers must not go on tending addresses that
     * other contexts' servers have by now (each database hands out the same addresses).
     */
    public void removeAll() {
        for (ServerRef server : directory.live()) {
            try {
                domains.destroyAndUndefine(server.domain());
                volumes.list(server.domain() + "-").forEach(volumes::delete);
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + server.domain() + " failed: " + e);
            }
            jdbc.update("UPDATE server SET status = 'DELETED' WHERE id = ?", server.id());
        }
    }

    /** A serial log as written so far; empty before the guest wrote one. */
    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
