package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;
import java.time.Instant;

/**
 * An ISO as other modules see it.
 *
 * @param ownerAccountId  the customer who added it from a URL; null for the admins' library
 * @param source          the path or URL it came from
 * @param path            the file on the panel's host (meaningful once ready)
 * @param failure         why a customer's download failed, in words for them; else null
 */
public record IsoInfo(long id, String name, Long ownerAccountId, String source, String path, String sha256, Long sizeBytes,
        IsoStatus status, UserMessage failure, Instant createdAt) {

    public boolean ready() {
        return status == IsoStatus.READY;
    }

    public boolean library() {
        return ownerAccountId == null;
    }
}
