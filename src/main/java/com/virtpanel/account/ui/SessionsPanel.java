package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
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

/** Where the account is signed in (browsers, remembered browsers, API sign-ins), each one endable. */
class SessionsPanel extends VerticalLayout {

    private final SessionService sessions;
    private final Grid<SignInSession> grid = new Grid<>();

    SessionsPanel(SessionService sessions) {
        this.sessions = sessions;
        setPadding(false);
        boolean mayEnd = sessions.mayEnd();
        grid.setId("sessions");
        grid.addColumn(SessionsPanel::what).setHeader(Texts.get("account.sessions-panel.session")).setAutoWidth(true);
        // The only column that may be cut short, so the rest (and "this session") stay in view.
        grid.addColumn(SessionsPanel::from).setHeader(Texts.get("account.sessions-panel.from")).setFlexGrow(1).setTooltipGenerator(SessionsPanel::from);
        grid.addColumn(s -> time(s.startedAt())).setHeader(Texts.get("account.sessions-panel.started")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> time(s.lastSeenAt())).setHeader(Texts.get("account.sessions-panel.last-seen")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.expiresAt() == null ? "" : time(s.expiresAt())).setHeader(Texts.get("account.sessions-panel.ends")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            if (s.current() && s.kind() == SignInSession.Kind.BROWSER) {
                var here = new Span(Texts.get("account.sessions-panel.session2"));
                here.getElement().getThemeList().add("badge success");
                return here;
            }
            var end = new Button(Texts.get("account.sessions-panel.sign-out"), e -> run(() -> sessions.revoke(s.id()), Texts.get("account.sessions-panel.signed-out")));
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            end.setVisible(mayEnd);
            return end;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        var everywhere = new Button(Texts.get("account.sessions-panel.sign-out-everywhere-else"), e -> run(() -> {
            int ended = sessions.signOutEverywhereElse();
            Notifications.ok(ended == 0 ? Texts.get("account.sessions-panel.no-other-sessions") : Texts.get("account.sessions-panel.signed-out2") + ended + (ended == 1 ? Texts.get("account.sessions-panel.session3") : Texts.get("account.sessions-panel.sessions")));
        }, null));
        everywhere.setId("sign-out-everywhere");
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        everywhere.setVisible(mayEnd);
        add(new H3(Texts.get("account.sessions-panel.sessions2")), new Paragraph(Texts.get("account.sessions-panel.where-account-signed-changing")
                + Texts.get("account.sessions-panel.everything-but-session-revokes")
                + Texts.get("account.sessions-panel.are-not-listed-those")), grid, everywhere);
        refresh();
    }

    private static String what(SignInSession s) {
        return switch (s.kind()) {
            case BROWSER -> Texts.get(s.keptSignedIn() ? "account.sessions.browser-kept" : "account.sessions.browser");
            case REMEMBERED -> Texts.get("account.sessions.remembered");
            case API -> Texts.get("account.sessions.api");
        };
    }

    private static String from(SignInSession s) {
        return Texts.get(s.clientText()) + (s.address() == null ? "" : " · " + s.address());
    }

    private static String time(Instant at) {
        return at == null ? "" : Formats.dateTime(at);
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            if (done != null) {
                Notifications.ok(done);
            }
        } catch (PanelException ex) {
            Notifications.error(Texts.of(ex));
        }
        refresh();
    }

    void refresh() {
        grid.setItems(sessions.mine());
    }
}
