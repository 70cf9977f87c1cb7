package com.virtpanel.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The host's own resolver (what mail servers checking forward-confirmed reverse DNS also ask). */
@Component
class SystemForwardResolver implements ForwardResolver {

    @Override
    public List<String> addresses(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name))
                    .map(a -> a instanceof Inet6Address ? a.getHostAddress().replaceAll("%.*$", "") : a.getHostAddress())
                    .toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
