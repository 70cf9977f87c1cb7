-- One traffic ledger (issue 21): the quota module counts each server's traffic per allowance
-- period (panel.quota.traffic.reset-day and zone) in quota_state.traffic_bytes, from the usage
-- module's sampling passes. The calendar-month count beside it counted the same bytes by
-- another rule and showed a second number; nothing reads it any more.
DROP TABLE usage_traffic;
