package com.virtpanel.base.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The login form's failure handler: a right password for an account with a second factor is
 * remembered as a {@link PendingSignIn} (under a new session id, as a real sign-in would get)
 * and the browser goes to the code step; every other failure goes back to the login page.
 */
class SecondStepHandler implements AuthenticationFailureHandler {

    static final String CODE_PATH = "/login/code";

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final Clock clock;

    SecondStepHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof SecondStepRequired step)) {
            wrongPassword.onAuthenticationFailure(request, response, exception);
            return;
        }
        request.getSession(true);
        request.changeSessionId();
        new PendingSignIn(step.accountId(), step.email(), request.getParameter(RememberMe.PARAMETER) != null, clock.instant())
                .store(request.getSession());
        response.sendRedirect(request.getContextPath() + CODE_PATH);
    }
}
