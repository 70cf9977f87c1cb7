package com.virtpanel.account;

import com.virtpanel.base.Messages;
import com.virtpanel.base.Translatable;
import com.virtpanel.base.UserMessage;
import java.util.ResourceBundle;

import com.virtpanel.base.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Password strength rules, in the spirit of NIST 800-63B: length matters most, no forced
 * symbol soup, but refuse what attackers try first. "Too easy to guess" is the judgement of
 * nbvcxz (a maintained zxcvbn-style estimator with leaked-password and word lists, keyboard
 * patterns, dates, repeats and l33t), given the panel's name and the email as words of the
 * user's own that count for nothing.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut (or refused) silently. */
    static final int MAX_BYTES = 72;
    /** nbvcxz's default: about 2^35 guesses, beyond an online attack and costly offline against bcrypt. */
    static final double MIN_ENTROPY_BITS = 35;

    private static final List<Dictionary> DICTIONARIES = ConfigurationBuilder.getDefaultDictionaries();

    private PasswordPolicy() {
    }

    /** True for passwords bcrypt cannot hash whole (over 72 bytes of UTF-8). */
    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

        /** Why the estimator finds the password weak, its warning in the reader's language (nbvcxz has Russian too). */
    private static UserMessage weakness(Result estimate) {
        String warningKey = estimate.getFeedback().getWarningKey();
        if ("feedback.dictionary.warning.passwords.notAllowed".equals(warningKey)) {
            return UserMessage.of("error.account.password-weak-own-words");
        }
        if (warningKey == null || estimate.getFeedback().getWarning() == null) {
            return UserMessage.of("error.account.password-weak");
        }
        return UserMessage.of("error.account.password-weak-because", (Translatable) language -> estimatorText(warningKey, language));
    }

    private static String estimatorText(String key, Locale language) {
        ResourceBundle texts = ResourceBundle.getBundle("feedback", Messages.supported(language).equals(Messages.ENGLISH)
                ? Locale.ROOT : language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return texts.containsKey(key) ? texts.getString(key) : key;
    }

    static void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, UserMessage.of("error.account.password-min-length", MIN_LENGTH));
        }
        if (tooLong(password)) {
            throw new InvalidInputException(field, UserMessage.of("error.account.password-max-bytes", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            throw new InvalidInputException(field, UserMessage.of("error.account.password-must-not-contain-email"));
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            throw new InvalidInputException(field, UserMessage.of("error.account.use-letters-at-least-one"));
        }
        Result estimate = estimator(local).estimate(password);
        if (estimate.getEntropy() < MIN_ENTROPY_BITS) {
                        throw new InvalidInputException(field, weakness(estimate));
        }
    }

    private static Nbvcxz estimator(String emailLocalPart) {
        List<Dictionary> dictionaries = new ArrayList<>(DICTIONARIES);
        var own = new DictionaryBuilder().setDictionaryName("own-words").setExclusion(true).addWord("virtpanel", 0);
        for (String part : emailLocalPart.split("[^\\p{L}\\p{N}]+")) {
            if (part.length() >= 4) {
                own.addWord(part, 0);
            }
        }
        dictionaries.add(own.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setLocale(Locale.ENGLISH)
                .setMinimumEntropy(MIN_ENTROPY_BITS).createConfiguration());
    }
}
