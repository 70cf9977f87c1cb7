package com.virtpanel.support;

/*
 * >>> MERGE POINT (console and quota modules) <<<
 *
 * The console and quota modules are written in parallel with this one. Once they are on main,
 * this class gets listeners like the ones in ServerAudit, and support/package-info.java lists
 * "console" and "quota" among the allowed dependencies:
 *
 *   @TransactionalEventListener(fallbackExecution = true)
 *   void on(ConsoleEvents.Opened e)  -> trail.record(AuditAction.CONSOLE_OPENED, owner, e.serverId(), null, null)
 *   void on(ConsoleEvents.Closed e)  -> trail.record(AuditAction.CONSOLE_CLOSED, owner, e.serverId(), null, why)
 *   void on(QuotaEvents.LimitsRepaired e) -> AuditAction.LIMITS_REPAIRED (detail: what drifted)
 *   void on(QuotaEvents.Throttled e)      -> AuditAction.THROTTLED
 *   void on(QuotaEvents.Unthrottled e)    -> AuditAction.UNTHROTTLED
 *
 * A console opened over the WebSocket has no SecurityContext on that thread: take the account
 * (and the impersonation, if the console event carries it) from the event, with the Who record.
 */
final class ConsoleAndQuotaAudit {

    private ConsoleAndQuotaAudit() {
    }
}
