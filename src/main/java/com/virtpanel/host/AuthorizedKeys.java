package com.virtpanel.host;

/** An authorized_keys file as text: a key is appended once; options and comments do not make it a new key. */
final class AuthorizedKeys {

    private AuthorizedKeys() {
    }

    /** The file with the key appended, or null when the key is already in it. */
    static String withKey(String existing, String keyLine) {
        String blob = blob(keyLine);
        if (blob == null || keyLine.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a public key line");
        }
        String text = existing == null ? "" : existing;
        for (String line : text.split("\n")) {
            if (blob.equals(blob(line))) {
                return null;
            }
        }
        return text.isEmpty() || text.endsWith("\n") ? text + keyLine + "\n" : text + "\n" + keyLine + "\n";
    }

    /** The base64 part of "[options] type base64 [comment]", or null for blank and comment lines. */
    static String blob(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] words = trimmed.split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            String w = words[i];
            if (w.startsWith("ssh-") || w.startsWith("ecdsa-") || w.startsWith("sk-")) {
                return words[i + 1];
            }
        }
        return null;
    }
}
