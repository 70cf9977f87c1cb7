package com.virtpanel.fleet;

import org.springframework.context.ApplicationContext;

/** The fleet's package-private steps for tests elsewhere: one heartbeat, one look for hosts gone down or back. */
public final class Fleets {

    private Fleets() {
    }

    public static void beat(ApplicationContext context) {
        context.getBean(Heartbeat.class).beat();
    }

    public static void look(ApplicationContext context) {
        context.getBean(DownWatch.class).look();
    }

    public static String localHost(ApplicationContext context) {
        return context.getBean(Heartbeat.class).localName();
    }
}
