package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import java.time.Instant;

/**
 * A server as views and the API show it.
 *
 * @param progress   0..100 while an operation runs, else 100
 * @param activity   what the running operation is doing now (server.step.prepare-disk: "Creating the disk"), or null
 * @param queuePosition while the operation waits for a slot on the host (status QUEUED): its place
 *                      in line, 1 being next; else 0
 * @param userDataGiven whether the customer gave user data for the server (the text itself is
 *                      never shown again, not to support either)
 * @param ipv6       the server's IPv6 address (::1 of its own /64), or null
 * @param host       the fleet host the server lives on (for staff: views and the API hide it from customers)
 * @param dedicatedVcpus how many of its vCPUs have a host core of their own (0: shared cores)
 * @param dedicatedCores the host cores it holds ("1", "2-3"), or null; for staff only, like {@code host}
 * @param planTitle  its plan's title as the catalog shows it ({@code plan} is the plan's name)
 * @param imageTitle its image's title as the catalog shows it ({@code image} is the image's name)
 */
public record ServerInfo(long id, long accountId, String name, ServerStatus status, long planId, String plan,
        long imageId, String image, String domain, String ipv4, Instant createdAt, Instant statusChangedAt,
        UserMessage failureReason, int progress, UserMessage activity, int queuePosition, boolean userDataGiven,
        String ipv6, String host, int dedicatedVcpus, String dedicatedCores, String planTitle, String imageTitle) {

    /** Whether the server's host cannot be reached now (the status then reads UNREACHABLE). */
    public boolean hostUnreachable() {
        return status == ServerStatus.UNREACHABLE;
    }

    /** Refuses what the caller wants to do while the server's host is down, in the words every action uses. */
    public void requireHostReachable() {
        if (hostUnreachable()) {
            throw ServerAccess.hostUnreachable();
        }
    }

    /** Provisioning, reinstalling, deleting, or any other operation in progress (a password reset, a plan change). */
    public boolean busy() {
        return status.isBusy() || activity != null;
    }
}
