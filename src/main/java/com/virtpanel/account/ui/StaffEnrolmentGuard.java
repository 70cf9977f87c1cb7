package com.virtpanel.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.virtpanel.account.SecondFactorService;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * With {@code panel.security.staff-2fa=required}, staff without a second factor reach only their
 * account page (to set one up) until they have one: every other view sends them there. Staff
 * can do much with a customer's servers, so a stolen staff password alone must not be enough.
 */
@Component
class StaffEnrolmentGuard implements VaadinServiceInitListener {

    private static final Set<String> OPEN = Set.of("account", "login", "login/code");

    private final SecondFactorService secondFactors;

    StaffEnrolmentGuard(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (!OPEN.contains(event.getLocation().getPath()) && secondFactors.mustEnrol()) {
            event.forwardTo(AccountView.class);
        }
    }
}
