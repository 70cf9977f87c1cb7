package com.virtpanel.account;

import java.util.Locale;
import com.virtpanel.base.Messages;
import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, password changes and the staff side of accounts (create staff, suspend). */
@Service
@Transactional
public class AccountService {

    /** A bcrypt hash of a random string, checked against when the email is unknown. */
    private static final String TIMING_DECOY = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOHi5BwkGo9E3bS0bW2nVvIg1H1Q2bNey";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A new customer account. Anyone may sign up; the email must be free. */
    public AccountSummary signUp(String rawEmail, String password) {
        return signUp(rawEmail, password, null);
    }

    /** The same, in the language the sign-up page spoke (so the confirmation mail does too). */
    public AccountSummary signUp(String rawEmail, String password, Locale language) {
        Account account = create(rawEmail, password, Role.CUSTOMER);
        if (language != null) {
            account.setLanguage(Messages.supported(language).getLanguage());
        }
        events.publishEvent(new AccountEvents.SignedUp(account.getId(), account.getEmail()));
        return account.summary();
    }

    /** Staff accounts are created by an admin only. */
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createStaff(String rawEmail, String password, Role role) {
        if (!role.isStaff()) {
            throw new InvalidInputException("role", UserMessage.of("error.account.staff-accounts-are-support-admin"));
        }
        Account account = create(rawEmail, password, role);
        events.publishEvent(new AccountEvents.StaffCreated(account.getId(), account.getEmail(), role));
        return account.summary();
    }

    /** Used once at start-up to seed the first admin; not reachable from the UI. */
    AccountSummary createInitialAdmin(String rawEmail, String password) {
        return create(rawEmail, password, Role.ADMIN).summary();
    }

    private Account create(String rawEmail, String password, Role role) {
        String email = EmailAddress.normalise("email", rawEmail);
        PasswordPolicy.check("password", password, email);
        if (accounts.existsByEmailIgnoreCase(email)) {
            throw new ConflictException(UserMessage.of("error.account.account-with-email-already-exists"));
        }
        try {
            return accounts.saveAndFlush(new Account(email, encoder.encode(password), role, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException(UserMessage.of("error.account.account-with-email-already-exists"));
        }
    }

    /** The signed-in user changes their own password; the old one must be right. */
    public void changePassword(String oldPassword, String newPassword) {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new com.virtpanel.base.ForbiddenException(UserMessage.of("error.account.support-cannot-change-password"));
        }
        Account account = accounts.findById(actor.accountId()).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
        if (oldPassword == null || !encoder.matches(oldPassword, account.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", UserMessage.of("error.account.current-password-wrong"));
        }
        PasswordPolicy.check("newPassword", newPassword, account.getEmail());
        account.changePassword(encoder.encode(newPassword));
        events.publishEvent(new AccountEvents.PasswordChanged(account.getId()));
    }

    /** Checks an email and password without signing in (for API tokens). */
    @Transactional(readOnly = true)
    public Optional<AccountSummary> verifyCredentials(String rawEmail, String password) {
        if (rawEmail == null || password == null) {
            return Optional.empty();
        }
        var account = accounts.findByEmailIgnoreCase(rawEmail.trim());
        if (account.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal which emails exist.
            encoder.matches(password, TIMING_DECOY);
            return Optional.empty();
        }
        return account.filter(a -> encoder.matches(password, a.getPasswordHash())).map(Account::summary);
    }

    /** The signed-in account's chosen language, if it chose one (else pages follow the browser). */
    @Transactional(readOnly = true)
    public Optional<Locale> myLanguage() {
        return currentUser.find().flatMap(actor -> accounts.findById(actor.accountId()))
                .map(account -> Messages.ofCode(account.getLanguage()));
    }

    /** Sets the language of the caller's pages and mail: one of {@link Messages#LANGUAGES}. */
    public void changeLanguage(String code) {
        Locale language = Messages.ofCode(code);
        if (language == null) {
            throw new InvalidInputException("language", UserMessage.of("error.account.unknown-language"));
        }
        Actor actor = currentUser.requireMayChange();
        Account account = accounts.findById(actor.accountId()).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
        account.setLanguage(language.getLanguage());
    }

    @Transactional(readOnly = true)
    public AccountSummary me() {
        return get(currentUser.require().accountId());
    }

    @Transactional(readOnly = true)
    public AccountSummary get(long accountId) {
        return accounts.findById(accountId).map(Account::summary)
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> findByEmail(String email) {
        return accounts.findByEmailIgnoreCase(email == null ? "" : email.trim()).map(Account::summary);
    }

    @PreAuthorize("hasAnyRole('SUPPORT','ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> search(String fragment) {
        return accounts.findTop100ByEmailContainingIgnoreCaseOrderByEmail(fragment == null ? "" : fragment.trim())
                .stream().map(Account::summary).toList();
    }

    /** Support and admin accounts, for the admin's staff page. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> staff() {
        return accounts.findByRoleInOrderByEmail(List.of(Role.SUPPORT, Role.ADMIN)).stream().map(Account::summary).toList();
    }

    /** Suspending a customer stops their servers and closes their consoles (listeners do that). */
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary suspend(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
        if (account.getRole().isStaff()) {
            throw new InvalidInputException("account", UserMessage.of("error.account.staff-accounts-cannot-suspended-here"));
        }
        if (account.getStatus() != AccountStatus.SUSPENDED) {
            account.suspend(clock.instant());
            events.publishEvent(new AccountEvents.Suspended(account.getId(), account.getEmail()));
        }
        return account.summary();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary unsuspend(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
        if (account.getStatus() == AccountStatus.SUSPENDED) {
            account.unsuspend();
            events.publishEvent(new AccountEvents.Unsuspended(account.getId(), account.getEmail()));
        }
        return account.summary();
    }

    @Transactional(readOnly = true)
    boolean anyAdmin() {
        return accounts.existsByRole(Role.ADMIN);
    }
}
