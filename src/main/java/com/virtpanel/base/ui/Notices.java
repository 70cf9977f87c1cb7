package com.virtpanel.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The panel's one way to tell a user how an action went: a short confirmation at the bottom,
 * or an error at the top that stays long enough to read. The session's error handler
 * ({@link ErrorNotifications}) shows uncaught errors the same way.
 */
public final class Notices {

    private Notices() {
    }

    public static void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        var notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.addClassName("error-notification");
    }
}
