-- Onboarding: what an admin (or a CSV import) records about the people they add, and what a first
-- sign-in may be matched on besides an invitation code.
-- email: where invitations (and later reminders) go, and, where IT enables it, the provider's verified
-- e-mail that binds a first sign-in; kept lower-case so one address is one key. Unique per practice.
-- external_id: the hospital's own identifier of a member (e.g. an employee id) that IT maps from a token
-- claim to bind a practitioner's first sign-in. Unique per practice.
ALTER TABLE account ADD COLUMN email text;
ALTER TABLE account ADD CONSTRAINT account_email_lower CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254);
CREATE UNIQUE INDEX account_practice_email ON account(practice_id, email) WHERE email IS NOT NULL;
ALTER TABLE account ADD COLUMN external_id text;
ALTER TABLE account ADD CONSTRAINT account_external_id_length CHECK (length(external_id) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX account_practice_external_id ON account(practice_id, external_id) WHERE external_id IS NOT NULL;

-- A client's date of birth when the admin knows it (minor is still what decides who reads the thread:
-- an admin sets it, or derives it from the date of birth when adding the client).
ALTER TABLE client ADD COLUMN date_of_birth date;
