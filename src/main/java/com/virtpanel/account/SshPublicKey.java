package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * An OpenSSH public key line ("type base64 comment"), parsed far enough to be sure it is a
 * real key of an accepted type and strength, and fingerprinted the way ssh-keygen -l does.
 */
public record SshPublicKey(String type, byte[] blob, String comment, int bits) {

    static final int MIN_RSA_BITS = 2048;

    private static final Map<String, Integer> ECDSA_POINT_LENGTH = Map.of(
            "ecdsa-sha2-nistp256", 65, "ecdsa-sha2-nistp384", 97, "ecdsa-sha2-nistp521", 133);

    public static SshPublicKey parse(String field, String line) {
        String text = line == null ? "" : line.trim();
        if (text.isEmpty()) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.paste-public-key"));
        }
        if (text.contains("PRIVATE KEY")) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.private-key"));
        }
        String[] parts = text.split("\\s+", 3);
        if (parts.length < 2) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.type-and-base64"));
        }
        String type = parts[0];
        if (!type.equals("ssh-ed25519") && !type.equals("ssh-rsa") && !ECDSA_POINT_LENGTH.containsKey(type)) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.type-not-accepted", abbreviate(type)));
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.base64-damaged"));
        }
        String comment = parts.length == 3 ? parts[2].trim() : "";
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            String innerType = new String(readString(in), StandardCharsets.US_ASCII);
            if (!innerType.equals(type)) {
                throw invalid(field, UserMessage.of("error.account.ssh-key.type-mismatch", abbreviate(type), abbreviate(innerType)));
            }
            int bits = switch (type) {
                case "ssh-ed25519" -> {
                    if (readString(in).length != 32) {
                        throw invalid(field, UserMessage.of("error.account.ssh-key.ed25519-length"));
                    }
                    yield 256;
                }
                case "ssh-rsa" -> {
                    readString(in); // public exponent
                    int rsaBits = new BigInteger(1, readString(in)).bitLength();
                    if (rsaBits < MIN_RSA_BITS) {
                        throw invalid(field, UserMessage.of("error.account.ssh-key.rsa-bits", String.valueOf(rsaBits), String.valueOf(MIN_RSA_BITS)));
                    }
                    yield rsaBits;
                }
                default -> {
                    readString(in); // curve name
                    if (readString(in).length != ECDSA_POINT_LENGTH.get(type)) {
                        throw invalid(field, UserMessage.of("error.account.ssh-key.ecdsa-length"));
                    }
                    yield Integer.parseInt(type.substring(type.length() - 3));
                }
            };
            if (in.hasRemaining()) {
                throw invalid(field, UserMessage.of("error.account.ssh-key.trailing-data"));
            }
            return new SshPublicKey(type, blob, comment, bits);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw invalid(field, UserMessage.of("error.account.ssh-key.incomplete"));
        }
    }

    /** "SHA256:…" exactly as ssh-keygen -l prints it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical one-line form written into authorized_keys. */
    public String line() {
        String base = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    /** ED25519, ECDSA, RSA, as ssh-keygen shows the family. */
    public String family() {
        return type.equals("ssh-ed25519") ? "ED25519" : type.equals("ssh-rsa") ? "RSA" : "ECDSA";
    }

    private static byte[] readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static InvalidInputException invalid(String field, UserMessage message) {
        return new InvalidInputException(field, message);
    }
}
