package com.virtpanel.testkit;

import com.virtpanel.host.Domains;
import org.springframework.stereotype.Component;

/**
 * Types text on a guest's keyboard (its VGA console, tty1 on the demo image), one key press
 * at a time through libvirt, like {@code virsh send-key}. ASCII only, US layout.
 */
@Component
public class GuestKeyboard {

    public static final int KEY_ENTER = 28;
    public static final int KEY_LEFTSHIFT = 42;

    /** Linux key codes of the keys that type a character without shift, indexed by the character. */
    private static final int[] PLAIN = new int[128];
    /** Same for characters typed with shift. */
    private static final int[] SHIFTED = new int[128];

    static {
        map("1234567890", 2, "!@#$%^&*()");
        map("qwertyuiop", 16, "QWERTYUIOP");
        map("asdfghjkl", 30, "ASDFGHJKL");
        map("zxcvbnm", 44, "ZXCVBNM");
        key('-', 12, '_');
        key('=', 13, '+');
        key('[', 26, '{');
        key(']', 27, '}');
        key(';', 39, ':');
        key('\'', 40, '"');
        key('`', 41, '~');
        key('\\', 43, '|');
        key(',', 51, '<');
        key('.', 52, '>');
        key('/', 53, '?');
        PLAIN[' '] = 57;
        PLAIN['\n'] = KEY_ENTER;
        PLAIN['\t'] = 15;
    }

    private final Domains domains;

    GuestKeyboard(Domains domains) {
        this.domains = domains;
    }

    /** Types {@code text}; a newline presses Enter. */
    public void type(String domain, String text) {
        for (char c : text.toCharArray()) {
            domains.sendKeys(domain, keys(c));
            // the guest reads its keyboard slowly under TCG: let each press land
            Await.sleep(15);
        }
    }

    /** Types {@code line} and presses Enter. */
    public void typeLine(String domain, String line) {
        type(domain, line + "\n");
    }

    /** The key codes pressed together for one character: the key, with left shift if needed. */
    public static int[] keys(char c) {
        if (c < 128 && PLAIN[c] != 0) {
            return new int[] {PLAIN[c]};
        }
        if (c < 128 && SHIFTED[c] != 0) {
            return new int[] {KEY_LEFTSHIFT, SHIFTED[c]};
        }
        throw new IllegalArgumentException("cannot type " + (c < 32 ? "control character " + (int) c : "'" + c + "'"));
    }

    private static void map(String plain, int firstCode, String shifted) {
        for (int i = 0; i < plain.length(); i++) {
            key(plain.charAt(i), firstCode + i, shifted.charAt(i));
        }
    }

    private static void key(char plain, int code, char shifted) {
        PLAIN[plain] = code;
        SHIFTED[shifted] = code;
    }
}
