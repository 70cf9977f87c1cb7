package com.virtpanel.quota;

import com.virtpanel.host.Domains;
import com.virtpanel.testkit.Await;
import java.util.HashMap;
import java.util.Map;

/**
 * Types text on a guest's keyboard (Linux key codes, as {@code virsh send-key}), for logging
 * in on the demo image's tty1 and starting a command. Stands in for the testkit's
 * GuestKeyboard until that is on main.
 */
final class ConsoleTyping {

    private static final int SHIFT = 42;
    private static final Map<Character, int[]> KEYS = new HashMap<>();

    static {
        String row1 = "1234567890-=";
        for (int i = 0; i < row1.length(); i++) {
            KEYS.put(row1.charAt(i), new int[] {2 + i});
        }
        String shifted1 = "!@#$%^&*()_+";
        for (int i = 0; i < shifted1.length(); i++) {
            KEYS.put(shifted1.charAt(i), new int[] {SHIFT, 2 + i});
        }
        letters("qwertyuiop", 16);
        letters("asdfghjkl", 30);
        letters("zxcvbnm", 44);
        plain("[{", 26);
        plain("]}", 27);
        plain(";:", 39);
        plain("'\"", 40);
        plain("`~", 41);
        plain("\\|", 43);
        plain(",<", 51);
        plain(".>", 52);
        plain("/?", 53);
        KEYS.put(' ', new int[] {57});
        KEYS.put('\n', new int[] {28});
    }

    private ConsoleTyping() {
    }

    static void type(Domains domains, String domain, String text) {
        for (char c : text.toCharArray()) {
            int[] keys = KEYS.get(c);
            if (keys == null) {
                throw new IllegalArgumentException("no key for '" + c + "'");
            }
            domains.sendKeys(domain, keys);
        }
    }

    /** Logs in as root on tty1 and runs {@code command}; the guest is slow under TCG, so each step waits a little. */
    static void loginAndRun(Domains domains, String domain, String password, String command) {
        type(domains, domain, "\n");
        Await.sleep(1500);
        type(domains, domain, "root\n");
        Await.sleep(3000);
        type(domains, domain, password + "\n");
        Await.sleep(4000);
        type(domains, domain, command + "\n");
    }

    private static void letters(String row, int first) {
        for (int i = 0; i < row.length(); i++) {
            KEYS.put(row.charAt(i), new int[] {first + i});
            KEYS.put(Character.toUpperCase(row.charAt(i)), new int[] {SHIFT, first + i});
        }
    }

    private static void plain(String pair, int code) {
        KEYS.put(pair.charAt(0), new int[] {code});
        KEYS.put(pair.charAt(1), new int[] {SHIFT, code});
    }
}
