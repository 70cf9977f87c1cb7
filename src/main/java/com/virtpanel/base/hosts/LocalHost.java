package com.virtpanel.base.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The name of the host this instance drives (panel.host.name, else the machine's name): the one place it is worked out. */
@Component
public class LocalHost {

    private final String name;
    private final String schedulerPrefix;
    private final String consoleUrl;
    private final String migrationUri;

    LocalHost(LocalHostProperties properties) {
        this.name = properties.name().isBlank() ? machineName() : properties.name().trim();
        this.schedulerPrefix = properties.schedulerPrefix();
        this.consoleUrl = properties.consoleUrl().trim();
        this.migrationUri = properties.migrationUri().trim();
    }

    /** A host of this name, with the default scheduler names (unit tests). */
    public static LocalHost named(String name) {
        return new LocalHost(new LocalHostProperties(name, "host-", "", ""));
    }

    /** The Quartz scheduler name of a host's scheduler ({@code host-<name>}). */
    public String schedulerName(String host) {
        return schedulerPrefix + host;
    }

    public String name() {
        return name;
    }

    /**
     * Where other panel instances forward the console of a guest on this host: panel.host.console-url,
     * else this instance's HTTP port on the loopback (one machine); empty without either.
     */
    public Optional<String> consoleUrl(Integer localPort) {
        if (!consoleUrl.isEmpty()) {
            return Optional.of(consoleUrl);
        }
        return localPort == null ? Optional.empty() : Optional.of("http://127.0.0.1:" + localPort);
    }

    /**
     * How other hosts' libvirtds reach this host's for a live migration: panel.host.migration-uri,
     * else {@code libvirtUri} when it names a remote host ({@code qemu+tcp://10.0.0.5/system}, which
     * other hosts can dial as well); empty for a local URI ({@code qemu:///system}) without the setting.
     */
    public Optional<String> migrationUri(String libvirtUri) {
        if (!migrationUri.isEmpty()) {
            return Optional.of(migrationUri);
        }
        try {
            String remote = java.net.URI.create(libvirtUri).getHost();
            return remote == null || remote.isBlank() ? Optional.empty() : Optional.of(libvirtUri);
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    /** The host a server with no host yet (not placed) is on: this one. */
    public String or(String host) {
        return host == null || host.isBlank() ? name : host;
    }

    /** A server on {@code host} (null: not placed yet) lives on this instance's host. */
    public boolean isLocal(String host) {
        return or(host).equals(name);
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
