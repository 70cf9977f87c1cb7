package com.virtpanel.notify;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.MailRecipients;
import com.virtpanel.base.Bytes;
import com.virtpanel.mail.MailOutbox;
import com.virtpanel.mail.MailRequest;
import com.virtpanel.mail.PanelLinks;
import com.virtpanel.quota.QuotaEvents;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the other modules' events into mails. After the event's transaction commits (a rolled
 * back provisioning tells nobody), each in a transaction of its own (after commit, the event's
 * transaction can take no more writes). Never a password: the "server ready" mail names the
 * server and its address only.
 */
@Component
class NoticeMailer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MailOutbox outbox;
    private final MailRecipients recipients;
    private final NoticePreferences preferences;
    private final ServerDirectory servers;
    private final PanelLinks links;

    NoticeMailer(MailOutbox outbox, MailRecipients recipients, NoticePreferences preferences, ServerDirectory servers,
            PanelLinks links) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.preferences = preferences;
        this.servers = servers;
        this.links = links;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ServerEvents.Provisioned e) {
        var parameters = server(e.serverId());
        parameters.put("address", servers.ipv4(e.serverId()).orElse("-"));
        send(e.accountId(), Notice.SERVER_READY, parameters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ServerEvents.Reinstalled e) {
        send(e.accountId(), Notice.REINSTALL_DONE, server(e.serverId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(QuotaEvents.TrafficAllowanceNearlyUsed e) {
        var parameters = server(e.serverId());
        parameters.put("percent", Integer.toString(e.percent()));
        parameters.put("used", gib(e.usedBytes()));
        parameters.put("allowance", gib(e.allowanceBytes()));
        parameters.put("until", DATE.format(e.periodEnd()));
        send(e.accountId(), Notice.TRAFFIC_NEARLY_USED, parameters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(QuotaEvents.TrafficThrottled e) {
        var parameters = server(e.serverId());
        parameters.put("rate", Integer.toString(e.rateMbps()));
        parameters.put("until", DATE.format(e.until()));
        send(e.accountId(), Notice.TRAFFIC_USED_UP, parameters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(QuotaEvents.CpuThrottled e) {
        var parameters = server(e.serverId());
        parameters.put("baseline", Integer.toString(e.baselinePercent()));
        send(e.accountId(), Notice.CPU_BURST_EXHAUSTED, parameters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AccountEvents.Suspended e) {
        send(e.accountId(), Notice.ACCOUNT_SUSPENDED, new HashMap<>());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AccountEvents.Unsuspended e) {
        send(e.accountId(), Notice.ACCOUNT_UNSUSPENDED, new HashMap<>());
    }

    /** Customers are told when staff act as them, and why (the reason the staff member gave). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AccountEvents.ImpersonationStarted e) {
        var parameters = new HashMap<String, String>();
        parameters.put("reason", e.reason() == null ? "" : e.reason());
        parameters.put("mode", e.readOnly() ? "read-only" : "full");
        send(e.customerAccountId(), Notice.STAFF_VISIT, parameters);
    }

    private Map<String, String> server(long serverId) {
        var parameters = new HashMap<String, String>();
        parameters.put("server", servers.find(serverId).map(s -> s.name()).orElse("#" + serverId));
        parameters.put("link", links.to("/servers/" + serverId));
        return parameters;
    }

    private void send(long accountId, Notice notice, Map<String, String> parameters) {
        recipients.of(accountId).filter(r -> !r.staff()).filter(r -> preferences.wants(accountId, notice)).ifPresent(r -> {
            parameters.putIfAbsent("link", links.to("/"));
            outbox.enqueue(new MailRequest(r.email(), notice.template(), r.language(), parameters));
        });
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) Bytes.GIB);
    }
}
