package com.virtpanel.network;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/** A validated rule as stored: ports as numbers (0..0 for every port), CIDRs canonical and comma-joined. */
@Embeddable
class StoredRule {

    @Column(nullable = false)
    private String direction;

    @Column(nullable = false)
    private String protocol;

    @Column(name = "port_from", nullable = false)
    private int portFrom;

    @Column(name = "port_to", nullable = false)
    private int portTo;

    @Column(nullable = false)
    private String cidrs;

    protected StoredRule() {
    }

    StoredRule(String direction, String protocol, int portFrom, int portTo, List<String> cidrs) {
        this.direction = direction;
        this.protocol = protocol;
        this.portFrom = portFrom;
        this.portTo = portTo;
        this.cidrs = String.join(",", cidrs);
    }

    String direction() {
        return direction;
    }

    String protocol() {
        return protocol;
    }

    int portFrom() {
        return portFrom;
    }

    int portTo() {
        return portTo;
    }

    List<String> cidrList() {
        return Arrays.asList(cidrs.split(","));
    }

    FirewallRule view() {
        String port = portFrom == 0 ? null : portFrom == portTo ? String.valueOf(portFrom) : portFrom + "-" + portTo;
        return new FirewallRule(direction, protocol, port, cidrList());
    }
}
