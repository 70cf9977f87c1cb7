package com.virtpanel.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A strip shown above every page when something needs the user's attention: the support
 * module shows "Acting as …" while impersonating, the host module shows "host unreachable".
 * Modules contribute beans; the layout asks each one on every navigation.
 */
public interface LayoutBanner {

    Optional<Component> banner();
}
