package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.virtpanel.account.SessionService;
import com.virtpanel.account.SignInSession;
import com.virtpanel.base.PanelException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Where the account is signed in (browsers, remembered browsers, API sign-ins), each one endable. */
class SessionsPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final SessionService sessions;
    private final Grid<SignInSession> grid = new Grid<>();

    SessionsPanel(SessionService sessions) {
        this.sessions = sessions;
        setPadding(false);
        boolean mayEnd = sessions.mayEnd();
        grid.setId("sessions");
        grid.addColumn(SessionsPanel::what).setHeader("Session").setAutoWidth(true);
        // The only column that may be cut short, so the rest (and "this session") stay in view.
        grid.addColumn(SessionsPanel::from).setHeader("From").setFlexGrow(1).setTooltipGenerator(SessionsPanel::from);
        grid.addColumn(s -> time(s.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> time(s.lastSeenAt())).setHeader("Last seen").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.expiresAt() == null ? "" : time(s.expiresAt())).setHeader("Ends").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            if (s.current() && s.kind() == SignInSession.Kind.BROWSER) {
                var here = new Span("this session");
                here.getElement().getThemeList().add("badge success");
                return here;
            }
            var end = new Button("Sign out", e -> run(() -> sessions.revoke(s.id()), "Signed out."));
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            end.setVisible(mayEnd);
            return end;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        var everywhere = new Button("Sign out everywhere else", e -> run(() -> {
            int ended = sessions.signOutEverywhereElse();
            Notifications.ok(ended == 0 ? "No other sessions." : "Signed out of " + ended + (ended == 1 ? " session." : " sessions."));
        }, null));
        everywhere.setId("sign-out-everywhere");
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        everywhere.setVisible(mayEnd);
        add(new H3("Sessions"), new Paragraph("Where your account is signed in. Changing your password signs out "
                + "everything but this session, and revokes all API tokens. Support staff visiting your account "
                + "are not listed: those are their sessions, not yours."), grid, everywhere);
        refresh();
    }

    private static String what(SignInSession s) {
        return switch (s.kind()) {
            case BROWSER -> s.keptSignedIn() ? "Browser (kept signed in)" : "Browser";
            case REMEMBERED -> "Kept signed in, not open now";
            case API -> "API sign-in (1 hour)";
        };
    }

    private static String from(SignInSession s) {
        return s.client() + (s.address() == null ? "" : " · " + s.address());
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            if (done != null) {
                Notifications.ok(done);
            }
        } catch (PanelException ex) {
            Notifications.error(ex.userMessage());
        }
        refresh();
    }

    void refresh() {
        grid.setItems(sessions.mine());
    }
}
