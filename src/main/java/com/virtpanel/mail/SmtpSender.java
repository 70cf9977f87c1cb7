package com.virtpanel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The SMTP client, built from panel.mail.* (not Boot's spring.mail.*, so one set of names
 * configures all of mail). Every conversation has timeouts: a hung server fails an attempt,
 * it never holds the delivery job.
 */
@Component
class SmtpSender {

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;

    SmtpSender(MailProperties properties) {
        this.properties = properties;
        this.sender = properties.smtpConfigured() ? build(properties) : null;
    }

    boolean configured() {
        return sender != null;
    }

    void send(String recipient, MailTemplates.Rendered mail) throws MessagingException, MailException {
        MimeMessage message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(recipient);
        helper.setSubject(mail.subject());
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        sender.send(message);
    }

    private static JavaMailSenderImpl build(MailProperties p) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(p.host());
        sender.setPort(p.port());
        sender.setDefaultEncoding("UTF-8");
        boolean auth = p.username() != null && !p.username().isBlank();
        if (auth) {
            sender.setUsername(p.username());
            sender.setPassword(p.password());
        }
        Properties props = sender.getJavaMailProperties();
        String millis = Long.toString(p.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", Boolean.toString(auth));
        props.put("mail.smtp.starttls.enable", Boolean.toString(p.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(p.starttls()));
        return sender;
    }
}
