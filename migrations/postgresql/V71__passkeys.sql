-- Issue 18: passkeys, in the tables (and names) that Spring Security's JDBC WebAuthn
-- repositories use: one user entity per account (name = the account's email), its credentials.
CREATE TABLE user_entities (
    id              VARCHAR(1000) NOT NULL PRIMARY KEY,
    name            VARCHAR(254)  NOT NULL,
    display_name    VARCHAR(254),
    CONSTRAINT uq_user_entities_name UNIQUE (name)
);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL PRIMARY KEY,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   bytea NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_user_credentials_user ON user_credentials (user_entity_user_id);
