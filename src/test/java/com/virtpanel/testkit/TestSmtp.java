package com.virtpanel.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server in the test JVM (GreenMail), one per JVM on a free port, which a test may
 * stop and start again (SMTP down, SMTP back). {@link Initializer} points the panel's
 * panel.mail.* at it, with short delivery intervals and retries.
 */
public final class TestSmtp {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static GreenMail server;
    private static int port;
    private static boolean running;

    private TestSmtp() {
    }

    public static synchronized int port() {
        if (server == null) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            start();
        }
        return port;
    }

    /** SMTP up (again); does nothing while it runs. */
    public static synchronized void start() {
        if (running) {
            return;
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        running = true;
    }

    /** SMTP down: connections to its port are refused until {@link #start}. Messages received so far are dropped. */
    public static synchronized void stop() {
        if (running) {
            server.stop();
            running = false;
        }
    }

    /** Every message received (since the last start) addressed to this recipient. */
    public static synchronized List<MimeMessage> to(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Waits for the first message to this recipient. */
    public static MimeMessage awaitOne(String recipient) {
        return Await.until("a mail to " + recipient, Duration.ofSeconds(60), () -> to(recipient), l -> !l.isEmpty()).get(0);
    }

    /** Waits for the first message to this recipient whose plain text contains {@code text} (e.g. a link's path). */
    public static MimeMessage awaitWith(String recipient, String text) {
        return Await.until("a mail to " + recipient + " with " + text, Duration.ofSeconds(60),
                () -> to(recipient).stream().filter(m -> text(m).contains(text)).findFirst(), java.util.Optional::isPresent).get();
    }

    /** Waits for the first message to this recipient with this subject. */
    public static MimeMessage awaitSubject(String recipient, String subject) {
        return Await.until("a mail to " + recipient + ": " + subject, Duration.ofSeconds(60),
                () -> to(recipient).stream().filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst(), java.util.Optional::isPresent).get();
    }

    /** The plain-text part, decoded. */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = text(child);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part, decoded, or null. */
    public static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String html = html(multipart.getBodyPart(i));
                    if (html != null) {
                        return html;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the plain-text part. */
    public static String link(MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no link in the mail: " + text(message));
        }
        return m.group();
    }

    /** The token parameter of the first link. */
    public static String token(MimeMessage message) {
        String link = link(message);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** Points panel.mail.* at the test SMTP server; delivery every half second, retries after 1 s, given up after 4 tries. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("panel.mail.host=127.0.0.1", "panel.mail.port=" + port(), "panel.mail.starttls=false",
                    "panel.mail.from=Virtpanel <panel@virtpanel.test>", "panel.mail.poll-interval=500ms",
                    "panel.mail.first-retry=1s", "panel.mail.max-retry=2s", "panel.mail.max-attempts=4").applyTo(context);
        }
    }
}
