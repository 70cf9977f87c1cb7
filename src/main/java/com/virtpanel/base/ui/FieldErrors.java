package com.virtpanel.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import java.util.Map;

/** A form's save: the service's checks point at the field at fault, other refusals become a notice. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Clears the fields' errors, runs {@code save}, and shows what it refused next to the field it names. */
    public static void save(Map<String, ? extends HasValidation> byField, Runnable save) {
        byField.values().forEach(f -> f.setInvalid(false));
        try {
            save.run();
        } catch (InvalidInputException ex) {
            HasValidation field = byField.get(ex.field());
            if (field == null) {
                Notices.error(Texts.of(ex));
            } else {
                field.setErrorMessage(Texts.of(ex));
                field.setInvalid(true);
            }
        } catch (PanelException ex) {
            Notices.error(Texts.of(ex));
        }
    }
}
