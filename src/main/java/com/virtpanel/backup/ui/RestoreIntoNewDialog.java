package com.virtpanel.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerInfo;
import java.util.function.Function;

/**
 * Asks for the name of the new server a backup is restored into. A refused name stays in the
 * dialog with the reason next to it; an accepted one closes it and says which server was ordered.
 */
class RestoreIntoNewDialog extends Dialog {

    RestoreIntoNewDialog(String madeAt, Function<String, ServerInfo> restore, Runnable afterwards) {
        setHeaderTitle(Texts.get("backup.section.restore-new"));
        var name = new TextField(Texts.get("backup.section.new-name"));
        name.setId("restore-new-name");
        name.setWidthFull();
        var go = new Button(Texts.get("backup.section.restore-new-confirm"), e -> {
            try {
                ServerInfo ordered = restore.apply(name.getValue());
                Notices.done(Texts.get("backup.section.restoring-new", ordered.name()));
                close();
                afterwards.run();
            } catch (PanelException refused) {
                name.setInvalid(true);
                name.setErrorMessage(Texts.of(refused));
            }
        });
        go.setId("restore-new-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(Texts.get("backup.section.cancel"), e -> close());
        add(new Paragraph(Texts.get("backup.section.restore-new-question", madeAt)), name);
        getFooter().add(cancel, go);
    }
}
