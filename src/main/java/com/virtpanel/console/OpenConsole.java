package com.virtpanel.console;

import java.time.Instant;

/** An open console, as staff pages may list it. */
public record OpenConsole(String consoleId, long serverId, long ownerAccountId, long accountId, long realAccountId,
        String remoteAddress, Instant openedAt) {
}
