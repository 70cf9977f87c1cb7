-- Issue 23: the optional email notices a customer turned off (no row: the notice is sent).
CREATE TABLE notice_preference (
    account_id      BIGINT NOT NULL REFERENCES account (id),
    notice          VARCHAR(40) NOT NULL,
    enabled         BOOLEAN NOT NULL,
    CONSTRAINT pk_notice_preference PRIMARY KEY (account_id, notice)
);
