-- Issue 18: the sign-in and sign-up throttle's failure counts, shared by every panel instance.
-- One row per throttled key (scope and client address or account; long keys are hashed), times
-- in epoch milliseconds as the throttle computes them. Rows quiet for longer than
-- panel.sign-in.forget-after are deleted by the panel.
CREATE TABLE sign_in_failure (
    throttle_key    VARCHAR(300) NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_ms BIGINT NOT NULL,
    blocked_until_ms BIGINT NOT NULL
);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure_ms);
