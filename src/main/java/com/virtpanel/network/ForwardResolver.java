package com.virtpanel.network;

import java.util.List;

/** Looks a host name up (A and AAAA), for the optional rule that a PTR's name must point back to its address. */
public interface ForwardResolver {

    /** The addresses {@code name} resolves to; empty when it does not resolve. */
    List<String> addresses(String name);

    /** True when {@code name} resolves to {@code address} (compared in canonical form). */
    static boolean pointsTo(ForwardResolver resolver, String name, String address) {
        String wanted = ReverseNames.canonical(address);
        for (String found : resolver.addresses(name)) {
            try {
                if (ReverseNames.canonical(found).equals(wanted)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                // a resolver's odd answer is not a match
            }
        }
        return false;
    }
}
