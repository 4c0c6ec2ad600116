-- Directory: practices are tenants; every row below carries its practice so isolation is one predicate.
CREATE TABLE practice (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Everyone who signs in: practitioners, admins, and portal accounts (clients and guardians).
-- subject is the identity provider's `sub`; a portal account that has not signed up yet has none.
CREATE TABLE account (
    id            uuid PRIMARY KEY,
    practice_id   uuid NOT NULL REFERENCES practice(id),
    username      text NOT NULL UNIQUE,
    subject       text UNIQUE,
    role          text NOT NULL CHECK (role IN ('practitioner', 'admin', 'client')),
    display_name  text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    signed_up_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_practice ON account(practice_id);

-- The person receiving care. A child (minor) is represented through guardian accounts.
CREATE TABLE client (
    id            uuid PRIMARY KEY,
    practice_id   uuid NOT NULL REFERENCES practice(id),
    display_name  text NOT NULL,
    minor         boolean NOT NULL DEFAULT false,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_practice ON client(practice_id);

-- Which portal accounts act for which client: the client themself, or a guardian.
CREATE TABLE client_account (
    client_id     uuid NOT NULL REFERENCES client(id),
    account_id    uuid NOT NULL REFERENCES account(id),
    relationship  text NOT NULL CHECK (relationship IN ('self', 'guardian')),
    PRIMARY KEY (client_id, account_id)
);
CREATE INDEX client_account_account ON client_account(account_id);

-- One conversation per practitioner-client pair. last_seq is the per-conversation order; the row is
-- locked while a message is appended, so seq is gap-free and assigned inside the transaction.
CREATE TABLE conversation (
    id                uuid PRIMARY KEY,
    practice_id       uuid NOT NULL REFERENCES practice(id),
    practitioner_id   uuid NOT NULL REFERENCES account(id),
    client_id         uuid NOT NULL REFERENCES client(id),
    created_at        timestamptz NOT NULL,
    last_activity_at  timestamptz NOT NULL,
    last_seq          bigint NOT NULL DEFAULT 0,
    last_preview      text,
    UNIQUE (practitioner_id, client_id)
);
CREATE INDEX conversation_practitioner_activity ON conversation(practitioner_id, last_activity_at DESC, id DESC);
CREATE INDEX conversation_client_activity ON conversation(client_id, last_activity_at DESC, id DESC);

-- from_client says which side wrote it: unread counts and receipts are about the other side.
-- sender_name keeps the display name as it was when the message was sent.
-- (sender_id, client_message_id) is unique forever: a retried send answers the original.
CREATE TABLE message (
    id                 uuid PRIMARY KEY,
    conversation_id    uuid NOT NULL REFERENCES conversation(id),
    seq                bigint NOT NULL,
    sender_id          uuid NOT NULL REFERENCES account(id),
    sender_name        text NOT NULL,
    client_message_id  uuid NOT NULL,
    html               text NOT NULL,
    from_client        boolean NOT NULL,
    sent_at            timestamptz NOT NULL,
    UNIQUE (conversation_id, seq),
    UNIQUE (sender_id, client_message_id)
);

-- The caller's read position in a conversation; it only moves forward.
CREATE TABLE read_marker (
    conversation_id  uuid NOT NULL REFERENCES conversation(id),
    account_id       uuid NOT NULL REFERENCES account(id),
    seq              bigint NOT NULL,
    read_at          timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, account_id)
);

-- Every forward move of a read marker, so a message's receipt can say when the other side first read it.
CREATE TABLE read_receipt (
    conversation_id  uuid NOT NULL REFERENCES conversation(id),
    account_id       uuid NOT NULL REFERENCES account(id),
    seq              bigint NOT NULL,
    client_side      boolean NOT NULL,
    read_at          timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, account_id, seq)
);
CREATE INDEX read_receipt_seq ON read_receipt(conversation_id, seq);
