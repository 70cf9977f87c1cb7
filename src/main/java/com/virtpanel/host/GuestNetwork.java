package com.virtpanel.host;

import java.util.List;

/** A guest's static network settings, handed to it in the cloud-init seed. */
public record GuestNetwork(String mac, String addressCidr, String gateway, List<String> dns) {
}
