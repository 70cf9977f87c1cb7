package com.virtpanel.console;

import com.virtpanel.base.SkipsCallerCheck;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The consoles open on this panel instance, and the ways to end them. Listeners here end
 * them when a server stops or goes, or an account is suspended; the support module ends an
 * impersonation's consoles with {@link #closeImpersonatedBy(long)}.
 */
@SkipsCallerCheck
@Component
public class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final Map<String, LiveConsole> live = new ConcurrentHashMap<>();
    private final ConsoleAudit audit;
    private final Clock clock;

    ConsoleSessions(ConsoleAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The consoles people hold through this instance (not those it relays for another instance). */
    public List<OpenConsole> open() {
        return live.values().stream().filter(c -> !c.grant.forwarded())
                .map(c -> new OpenConsole(c.id, c.grant.serverId(), c.grant.ownerAccountId(), c.grant.accountId(),
                        c.grant.realAccountId(), c.grant.remoteAddress(), c.openedAt))
                .sorted(Comparator.comparing(OpenConsole::openedAt)).toList();
    }

    public int openCount() {
        return live.size();
    }

    /** Ends every console of this server: it stopped. */
    public int closeServer(long serverId) {
        return close(c -> c.grant.serverId() == serverId, CloseReason.SERVER_STOPPED);
    }

    /** Ends every console of a customer: on their servers, or acting as them, or opened by them. */
    public int closeAllOf(long accountId) {
        return close(c -> c.grant.ownerAccountId() == accountId || c.grant.accountId() == accountId
                || c.grant.realAccountId() == accountId, CloseReason.ACCESS_ENDED);
    }

    /** Ends the consoles a staff member opened while acting as a customer: the impersonation ended. */
    public int closeImpersonatedBy(long staffAccountId) {
        return close(c -> c.grant.impersonated() && c.grant.realAccountId() == staffAccountId, CloseReason.ACCESS_ENDED);
    }

    int close(Predicate<LiveConsole> which, CloseReason why) {
        int n = 0;
        for (LiveConsole c : live.values()) {
            if (which.test(c)) {
                c.close(why);
                n++;
            }
        }
        return n;
    }

    List<LiveConsole> snapshot() {
        return List.copyOf(live.values());
    }

    /**
     * Called on the WebSocket's thread while it opens. The VNC server's greeting goes out and the
     * pump starts before the opening is audited, so that the greeting does not wait for the
     * audit's commit (it was a good part of the handshake's time); nothing from the browser
     * reaches VNC until then: no frame of this WebSocket is read before this returns, and
     * {@link LiveConsole} refuses input until audited. A console whose opening cannot be audited ends at once.
     */
    void opened(LiveConsole c) {
        live.put(c.id, c);
        c.start();
        if (c.grant.forwarded()) { // the instance forwarding it audited the opening, and keeps the person's input until then
            c.audited();
            log.info("Console {} of server {} forwarded from {}", c.id, c.grant.serverId(), c.grant.remoteAddress());
            return;
        }
        try {
            audit.opened(c);
        } catch (RuntimeException e) {
            c.close(CloseReason.ERROR);
            throw e;
        }
        c.audited();
        log.info("Console {} of server {} opened by account {}{} from {}", c.id, c.grant.serverId(), c.grant.realAccountId(),
                c.grant.impersonated() ? " as account " + c.grant.accountId() : "", c.grant.remoteAddress());
    }

    /** Called once per console, by its pump thread, when it has ended. */
    void ended(LiveConsole c) {
        live.remove(c.id);
        var closedAt = clock.instant();
        log.info("Console {} of server {} closed ({})", c.id, c.grant.serverId(), c.reason() == null ? "?" : c.reason().text);
        if (!c.isAudited() || c.grant.forwarded()) {
            return; // its opening was never recorded here (the audit failed, or the forwarding instance has it)
        }
        try {
            audit.closed(c, closedAt);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of console {}: {}", c.id, e.toString());
        }
    }

    @PreDestroy
    void stopAll() {
        close(c -> true, CloseReason.PANEL_STOPPING);
    }
}
