package com.virtpanel.host;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes each server's /64 to its guest: {@code ip -6 route replace NET/64 via LINK-LOCAL dev BRIDGE},
 * with the link-local address the guest's kernel forms from its MAC. A route, not an on-link
 * prefix, so the whole /64 is the guest's (it may use any address in it) and no neighbour can
 * answer for it. libvirt's own {@code <route>} element would need the network redefined and
 * restarted for every server, so the host adds the route itself.
 *
 * <p>The guest's /64 is read from its definition (the filter's IPV6_NET parameter), so a guest
 * started outside the panel (virsh, autostart after a host reboot) is routed too. A route via a
 * guest that is gone leads nowhere; it is replaced when its /64 is handed out again.
 */
@Component
class Ipv6Routes {

    private static final Logger log = LoggerFactory.getLogger(Ipv6Routes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern NET = Pattern.compile("<parameter name='IPV6_NET' value='([0-9a-fA-F:]+)'/>");
    private static final Pattern MAC = Pattern.compile("<mac address='([0-9a-fA-F:]{17})'/>");

    private final LibvirtConnection libvirt;
    private final HostProperties.Network network;

    Ipv6Routes(LibvirtConnection libvirt, HostProperties properties) {
        this.libvirt = libvirt;
        this.network = properties.network();
    }

    /** Called by {@link Domains} for each lifecycle change (a restarted network lost its routes: every start re-adds). */
    void follow(GuestLifecycle event) {
        if (event.change() == GuestLifecycle.Change.STARTED) {
            try {
                definition(event.domain()).ifPresent(this::route);
            } catch (RuntimeException e) {
                log.warn("Could not route the IPv6 network of {}: {}", event.domain(), e.getMessage());
            }
        }
    }

    /** Guests that started while the panel was down. */
    @EventListener(ApplicationReadyEvent.class)
    void routeRunningGuests() {
        try {
            runningDefinitions().forEach(this::route);
        } catch (RuntimeException e) {
            log.warn("Could not route the IPv6 networks of running guests: {}", e.getMessage());
        }
    }

    /** The route the host keeps for a guest definition, or empty for a guest without a /64 on this network. */
    Optional<List<String>> routeCommand(String domainXml) {
        Matcher net = NET.matcher(domainXml);
        Matcher mac = MAC.matcher(domainXml);
        if (!net.find() || !mac.find() || !domainXml.contains("<source network='" + network.name() + "'")) {
            return Optional.empty();
        }
        return Optional.of(List.of("ip", "-6", "route", "replace", net.group(1) + "/64",
                "via", Ipv6Plan.linkLocal(mac.group(1)), "dev", network.bridge()));
    }

    private void route(String domainXml) {
        routeCommand(domainXml).ifPresent(command -> {
            try {
                HostCommand.Result result = HostCommand.run(TIMEOUT, command);
                if (!result.ok()) {
                    log.warn("{} failed: {}", String.join(" ", command), result.output());
                }
            } catch (IOException e) {
                log.warn("{} failed: {}", String.join(" ", command), e.getMessage());
            }
        });
    }

    private Optional<String> definition(String name) {
        return libvirt.call("read a guest's IPv6 network", c -> {
            Domain d;
            try {
                d = c.domainLookupByName(name);
            } catch (LibvirtException gone) {
                return Optional.empty();
            }
            try {
                return Optional.of(d.getXMLDesc(0));
            } finally {
                d.free();
            }
        });
    }

    private List<String> runningDefinitions() {
        return libvirt.call("read running guests' IPv6 networks", c -> {
            List<String> xmls = new ArrayList<>();
            for (int id : c.listDomains()) {
                if (id <= 0) {
                    continue; // libvirt-java pads the list with 0
                }
                try {
                    Domain d = c.domainLookupByID(id);
                    try {
                        xmls.add(d.getXMLDesc(0));
                    } finally {
                        d.free();
                    }
                } catch (LibvirtException stopped) {
                    // stopped between the listing and the lookup: nothing to route
                }
            }
            return xmls;
        });
    }
}
