package com.virtpanel.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a backup job with the guest's filesystems frozen, when its agent answers: the copy then
 * holds every write the guest's filesystems had acknowledged (filesystem-consistent). Without an
 * agent the job starts all the same (crash-consistent). The guest is thawed as soon as the job
 * has started, and always: also when the start fails, since a guest left frozen hangs every write.
 */
final class FrozenStart {

    private static final Logger log = LoggerFactory.getLogger(FrozenStart.class);

    /** The three steps on one guest, so the order can be checked without a guest. */
    interface Guest {
        /** Freezes the filesystems; fails when no agent answers. */
        void freeze();

        /** Starts the backup job (returns once QEMU has fixed the moment it copies). */
        void begin();

        void thaw();
    }

    private FrozenStart() {
    }

    /** Runs {@code guest.begin()}; true when the filesystems were frozen around it. */
    static boolean begin(Guest guest) {
        boolean frozen = false;
        try {
            guest.freeze();
            frozen = true;
        } catch (RuntimeException noAgent) {
            log.info("Filesystems not frozen (no guest agent answers?): {}; the backup is crash-consistent",
                    noAgent.getMessage());
            // A freeze that timed out may still have frozen the guest: thaw to be sure (no agent: nothing to thaw).
            try {
                guest.thaw();
            } catch (RuntimeException nothingFrozen) {
                log.debug("No thaw after the failed freeze: {}", nothingFrozen.getMessage());
            }
        }
        try {
            guest.begin();
        } finally {
            if (frozen) {
                thawQuietly(guest);
            }
        }
        return frozen;
    }

    private static void thawQuietly(Guest guest) {
        try {
            guest.thaw();
        } catch (RuntimeException e) {
            log.warn("Thawing the guest's filesystems failed: {}", e.getMessage());
        }
    }
}
