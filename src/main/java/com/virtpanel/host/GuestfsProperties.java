package com.virtpanel.host;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.guestfs.*: how the panel runs libguestfs (Debian's guestfish) on guests' disks.
 *
 * @param backend      LIBGUESTFS_BACKEND; "direct" runs the appliance as a plain QEMU child process
 * @param forceTcg     "auto" (TCG when guests run under TCG, i.e. KVM is not usable here), "true" or "false";
 *                     sets LIBGUESTFS_BACKEND_SETTINGS=force_tcg
 * @param timeout      the most one appliance session may take (an appliance start alone is ~15 s idle)
 * @param maxParallel  appliances allowed at once; each costs a QEMU process and its memory
 * @param guestfish    the guestfish executable
 * @param qemuImg      the qemu-img executable (scratch overlays)
 */
@ConfigurationProperties("panel.guestfs")
public record GuestfsProperties(@DefaultValue("direct") String backend,
                                @DefaultValue("auto") String forceTcg,
                                @DefaultValue("20m") Duration timeout,
                                @DefaultValue("2") int maxParallel,
                                @DefaultValue("guestfish") String guestfish,
                                @DefaultValue("qemu-img") String qemuImg) {
}
