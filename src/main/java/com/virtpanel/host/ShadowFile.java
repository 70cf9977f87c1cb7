package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException;

/** /etc/shadow as text: only root's password field changes; every other byte stays as it was. */
final class ShadowFile {

    private ShadowFile() {
    }

    static String withRootHash(String shadow, String cryptHash) {
        if (cryptHash == null || cryptHash.isEmpty() || cryptHash.indexOf(':') >= 0 || cryptHash.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a crypt(3) hash");
        }
        String[] lines = shadow.split("\n", -1);
        boolean found = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("root:")) {
                String[] fields = lines[i].split(":", -1);
                fields[1] = cryptHash;
                lines[i] = String.join(":", fields);
                found = true;
            }
        }
        if (!found) {
            throw new HostException(PanelException.Kind.FAILED,
                    UserMessage.of("error.host.no-root-in-shadow"),
                    "no root line in /etc/shadow", null);
        }
        return String.join("\n", lines);
    }
}
