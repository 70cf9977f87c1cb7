package com.virtpanel.host;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the panel caps guests' networks itself ({@link NetworkShaping#TAP}): a guest started
 * outside the panel (virsh, autostart after a host reboot) gets its cap on its new tap at once,
 * not only at the reconciler's next pass ({@link Domains#start} caps the panel's own starts),
 * and a guest that stops leaves no IFB device behind.
 */
@Component
class NetworkCapsFollowGuests {

    private static final Logger log = LoggerFactory.getLogger(NetworkCapsFollowGuests.class);

    private final GuestLimits limits;
    private final TapShaper shaper;

    NetworkCapsFollowGuests(GuestLimits limits, TapShaper shaper) {
        this.limits = limits;
        this.shaper = shaper;
    }

    /** Guests that stopped while the panel was down left their IFB devices behind. */
    @EventListener(ApplicationReadyEvent.class)
    void tidyUp() {
        if (NetworkShaping.detect() == NetworkShaping.TAP) {
            shaper.sweep();
        }
    }

    /**
     * Called by {@link Domains} for each lifecycle change before it announces the change: the
     * status change the server module records sets off the limit reconciler, which must find
     * the cap already in place (not an event listener, so no listener order is relied on).
     */
    void follow(GuestLifecycle event) {
        if (NetworkShaping.detect() != NetworkShaping.TAP) {
            return;
        }
        try {
            switch (event.change()) {
                case STARTED -> limits.restoreNetworkCap(event.domain());
                case STOPPED, CRASHED, UNDEFINED -> shaper.sweep();
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // the reconciler's next pass finds and repairs the missing cap
            log.warn("Could not restore the network cap of {} after it {}: {}", event.domain(),
                    event.change().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
    }
}
