package com.virtpanel.catalog.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

final class CatalogNotifications {

    private CatalogNotifications() {
    }

    static void ok(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        var n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.addClassName("error-notification");
    }
}
