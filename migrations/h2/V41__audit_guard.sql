-- H2 runs Java triggers: this one refuses every UPDATE and DELETE on the audit log.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'com.virtpanel.support.AuditAppendOnlyTrigger';
