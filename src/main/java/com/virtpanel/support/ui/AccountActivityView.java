package com.virtpanel.support.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.support.AuditEntry;
import com.virtpanel.support.AuditService;
import com.virtpanel.support.StaffVisit;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** A customer's own record of staff visits: who came, when, why, and what they did. */
@Route("account/activity")
@PageTitle("Account activity · Virtpanel")
@Menu(title = "Account activity", order = 21, icon = "vaadin:clipboard-user")
@PermitAll
public class AccountActivityView extends VerticalLayout {

    public AccountActivityView(AuditService audit) {
        addClassName("page");
        add(new H2("Account activity"), new Paragraph("Every time our staff act on your account, it is listed here with "
                + "their reason and what they did."));
        List<StaffVisit> visits = audit.staffVisitsToMe();
        var list = new Div();
        list.setId("staff-visits");
        if (visits.isEmpty()) {
            var none = new Paragraph("No staff member has acted on your account.");
            none.addClassName("muted");
            none.setId("no-staff-visits");
            list.add(none);
        }
        visits.forEach(visit -> list.add(card(visit)));
        add(list);
    }

    private static Div card(StaffVisit visit) {
        var title = new H3(visit.staffEmail() + " · " + CustomersView.DATE.format(visit.startedAt())
                + (visit.endedAt() == null ? "" : " – " + CustomersView.DATE.format(visit.endedAt())));
        var reason = new Paragraph("Reason: " + visit.reason() + (visit.readOnly() ? " (read-only visit)" : ""));
        reason.addClassName("visit-reason");
        var actions = new UnorderedList();
        actions.addClassName("visit-actions");
        if (visit.actions().isEmpty()) {
            actions.add(new ListItem("Looked around without changing anything."));
        }
        for (AuditEntry action : visit.actions()) {
            actions.add(new ListItem(CustomersView.DATE.format(action.at()) + " " + action.label()
                    + (action.target() == null ? "" : ": " + action.target())));
        }
        var card = new Div(title, reason, actions);
        card.addClassName("staff-visit");
        return card;
    }
}
